package org.dropcart.group.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.dropcart.platform.domain.ConflictException;
import org.junit.jupiter.api.Test;

class FileGroupTest {
  private static final Instant START = Instant.parse("2026-05-01T10:00:00Z");

  private static FileGroup open() {
    FileGroup group = new FileGroup("pool-1", START, Duration.ofMinutes(5), Duration.ofMinutes(1), START);
    group.took(3, 3_000);
    return group;
  }

  @Test
  void anOpenGroupLetsADeletedFileGo() {
    FileGroup group = open();

    group.released(1_000);

    assertThat(group.fileCount()).isEqualTo(2);
    assertThat(group.bytes()).isEqualTo(2_000);
  }

  @Test
  void countsNeverGoBelowZero() {
    FileGroup group = new FileGroup("pool-1", START, Duration.ofMinutes(5), Duration.ofMinutes(1), START);

    group.released(1_000);

    assertThat(group.fileCount()).isZero();
    assertThat(group.bytes()).isZero();
  }

  @Test
  void aSealedGroupKeepsItsFiles() {
    FileGroup group = open();
    group.seal(START.plus(Duration.ofMinutes(6)));

    assertThatThrownBy(() -> group.released(1_000))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("fixed");
    assertThat(group.fileCount()).isEqualTo(3);
  }

  @Test
  void aDoneGroupKeepsItsFiles() {
    FileGroup group = open();
    group.seal(START.plus(Duration.ofMinutes(6)));
    group.done("result-1", false, START.plus(Duration.ofMinutes(9)));

    assertThatThrownBy(() -> group.released(1_000)).isInstanceOf(ConflictException.class);
  }
}
