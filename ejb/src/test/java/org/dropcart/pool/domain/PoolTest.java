package org.dropcart.pool.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PoolTest {
  private static final Instant CREATED = Instant.parse("2026-03-01T08:00:00Z");

  private static Pool sensors() {
    return new Pool(new PoolName("sensors"), GroupingWindow.parse("PT5M"), "admin", CREATED);
  }

  @Test
  void startsWithTheDefaultGraceAndPolicy() {
    Pool pool = sensors();

    assertThat(pool.groupingWindow().length()).isEqualTo(Duration.ofMinutes(5));
    assertThat(pool.lateness()).isEqualTo(Lateness.DEFAULT);
    assertThat(pool.latePolicy()).isEqualTo(LatePolicy.DEFAULT);
  }

  @Test
  void regroupingTakesTheNewWindowGraceAndPolicy() {
    Pool pool = sensors();

    pool.regroup(GroupingWindow.parse("PT15M"), Lateness.parse("PT2M"), LatePolicy.parse("reject"));

    assertThat(pool.groupingWindow().length()).isEqualTo(Duration.ofMinutes(15));
    assertThat(pool.lateness().grace()).isEqualTo(Duration.ofMinutes(2));
    assertThat(pool.latePolicy()).isEqualTo(LatePolicy.REJECT);
  }

  @Test
  void regroupingKeepsNameAndCreation() {
    Pool pool = sensors();

    pool.regroup(GroupingWindow.parse("PT1H"), Lateness.DEFAULT, LatePolicy.NEXT);

    assertThat(pool.name().value()).isEqualTo("sensors");
    assertThat(pool.createdAt()).isEqualTo(CREATED);
    assertThat(pool.createdBy()).isEqualTo("admin");
  }
}
