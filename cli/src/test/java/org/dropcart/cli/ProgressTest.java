package org.dropcart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void drawsOneRedrawnLineOnlyWhenEnabled() {
    StringWriter err = new StringWriter();
    Progress bar = new Progress(new PrintWriter(err), "readings.bin", 4 * 1024 * 1024, true);
    bar.update(0);
    bar.update(4 * 1024 * 1024);
    bar.done();
    assertThat(err.toString()).startsWith("\rreadings.bin").contains("100% 4.0 MiB/4.0 MiB").endsWith("\n");
    assertThat(err.toString().chars().filter(c -> c == '\n').count()).isEqualTo(1); // redrawn with \r

    StringWriter silent = new StringWriter();
    Progress off = new Progress(new PrintWriter(silent), "x", 10, false);
    off.update(5);
    off.done();
    assertThat(silent.toString()).isEmpty();
  }

  @Test
  void theBarFillsWithTheFraction() {
    Progress bar = new Progress(new PrintWriter(new StringWriter()), "f", 100, true);
    String half = bar.line(50, System.nanoTime());
    assertThat(half).contains("[" + "#".repeat(15) + " ".repeat(15) + "]").contains(" 50% ");
  }
}
