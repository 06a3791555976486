package org.dropcart.platform.infrastructure.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobSchedulerTest {
  private static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void theFirstRunFallsOnAnEpochAlignedSlotAfterTheStartingDelay() {
    // Every node that starts within the same slot's lead time fires on the same instant.
    assertThat(JobScheduler.firstDelay(at("2026-12-03T10:07:10Z"), Duration.ofMinutes(10)))
        .isEqualTo(Duration.ofMinutes(2).plusSeconds(50).toMillis());
    assertThat(JobScheduler.firstDelay(at("2026-12-03T10:09:50Z"), Duration.ofMinutes(10)))
        .as("less than 30 s before a slot: the next one").isEqualTo(Duration.ofMinutes(10).plusSeconds(10).toMillis());
    assertThat(JobScheduler.firstDelay(at("2026-12-03T10:09:30Z"), Duration.ofMinutes(10)))
        .as("exactly 30 s before a slot: that one").isEqualTo(Duration.ofSeconds(30).toMillis());
    // An interval shorter than the delay waits one interval at most up to its next multiple.
    assertThat(JobScheduler.firstDelay(at("2026-12-03T10:00:00.400Z"), Duration.ofSeconds(2)))
        .isEqualTo(3_600);
  }

  @Test
  void aTickBelongsToTheNearestSlotSoThatLateAndEarlyTimersAgree() {
    Duration every = Duration.ofSeconds(3);
    long slot = at("2026-12-03T10:00:00Z");
    assertThat(JobScheduler.slotOf(slot, every)).isEqualTo(slot);
    assertThat(JobScheduler.slotOf(slot + 1_400, every)).isEqualTo(slot);
    assertThat(JobScheduler.slotOf(slot - 1_400, every)).isEqualTo(slot);
    assertThat(JobScheduler.slotOf(slot + 1_600, every)).isEqualTo(slot + 3_000);
  }
}
