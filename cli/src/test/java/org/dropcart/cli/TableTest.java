package org.dropcart.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableTest {
  @Test
  void columnsArePaddedToTheirWidestCell() {
    String t = Table.of("ID", "NAME", "SIZE").row("p1", "north-sensors", "1.5 KiB").row("pool-22", "x", null).render();
    assertThat(t).isEqualTo("""
        ID       NAME           SIZE
        p1       north-sensors  1.5 KiB
        pool-22  x              -
        """);
  }

  @Test
  void longAndMultiLineCellsAreShortenedToOneLine() {
    String t = Table.of("A", "B").row("x".repeat(100), "line1\nline2").render();
    String row = t.lines().skip(1).findFirst().orElseThrow();
    assertThat(row).startsWith("x".repeat(Table.MAX_CELL - 1) + "…  line1 line2");
  }

  @Test
  void aRowMustFillEveryColumn() {
    assertThatThrownBy(() -> Table.of("A", "B").row("only one")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bytesAreShownInBinaryUnits() {
    assertThat(Table.bytes(0)).isEqualTo("0 B");
    assertThat(Table.bytes(1023)).isEqualTo("1023 B");
    assertThat(Table.bytes(1536)).isEqualTo("1.5 KiB");
    assertThat(Table.bytes(12L * 1024 * 1024)).isEqualTo("12.0 MiB");
    assertThat(Table.bytes(3L << 40)).isEqualTo("3.0 TiB");
  }

  @Test
  void contentDispositionGivesTheFileName() {
    assertThat(CartsCommand.fileName("attachment; filename*=UTF-8''my%20cart.tar")).isEqualTo("my cart.tar");
    assertThat(CartsCommand.fileName("attachment; filename=\"data_2026.tar\"")).isEqualTo("data_2026.tar");
  }
}
