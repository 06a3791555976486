package org.dropcart.imports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntryPathTest {
  @Test
  void normalisesWhatStaysInside() throws Exception {
    assertThat(EntryPath.of("./data/a.csv")).isEqualTo("data/a.csv");
    assertThat(EntryPath.of("data/x/../a.csv")).isEqualTo("data/a.csv");
    assertThat(EntryPath.of("win\\dir\\b.csv")).isEqualTo("win/dir/b.csv");
    assertThat(EntryPath.of("dir/")).isEqualTo("dir");
    assertThat(EntryPath.baseName("a/b/c.txt")).isEqualTo("c.txt");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../evil.sh", "a/../../evil", "/etc/passwd", "C:\\Windows\\x", "..\\..\\x", "a\u0000b"})
  void refusesWhatEscapes(String name) {
    assertThatThrownBy(() -> EntryPath.of(name)).isInstanceOf(ImportRefused.class);
  }

  @Test
  void refusesNamesNoFileSystemHolds() throws Exception {
    assertThat(EntryPath.of("d/" + "x".repeat(255))).hasSize(257);
    assertThatThrownBy(() -> EntryPath.of("x".repeat(256))).isInstanceOf(ImportRefused.class)
        .hasMessageContaining("over 255 bytes");
    // 128 two-byte characters: 256 bytes.
    assertThatThrownBy(() -> EntryPath.of("\u00e9".repeat(128))).isInstanceOf(ImportRefused.class);
    assertThatThrownBy(() -> EntryPath.of(("d".repeat(200) + "/").repeat(6) + "f")).isInstanceOf(ImportRefused.class)
        .hasMessageContaining("over 1024 bytes");
  }

  @Test
  void aLinkMustLandInside() throws Exception {
    EntryPath.requireLinkInside("a/b/link", "../c.txt");
    assertThatThrownBy(() -> EntryPath.requireLinkInside("a/link", "../../etc/passwd")).isInstanceOf(ImportRefused.class);
    assertThatThrownBy(() -> EntryPath.requireLinkInside("link", "/etc/passwd")).isInstanceOf(ImportRefused.class);
  }

  @Test
  void limitsStopBombsAndFloods() throws Exception {
    UnpackLimits limits = new UnpackLimits(3, 10_000_000, 100);
    limits.checkEntries(3);
    assertThatThrownBy(() -> limits.checkEntries(4)).isInstanceOf(ImportRefused.class);
    limits.checkExpanded(5_000_000, 100_000);
    assertThatThrownBy(() -> limits.checkExpanded(11_000_000, 1_000_000)).isInstanceOf(ImportRefused.class);
    assertThatThrownBy(() -> limits.checkExpanded(2_000_000, 10_000)).isInstanceOf(ImportRefused.class)
        .hasMessageContaining("bomb");
    // Small archives may compress well without being bombs.
    limits.checkExpanded(900_000, 100);
  }
}
