package org.dropcart.function.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.dropcart.platform.domain.ConflictException;
import org.junit.jupiter.api.Test;

class CallTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final Duration LIMIT = Duration.ofSeconds(30);

  private static Call pending() {
    return new Call("dice", 2, "{\"roll\":\"4d6\"}", "user-1", T0);
  }

  private static Call.Outcome exited(Integer code) {
    return new Call.Outcome(code, "out", false, "err", false, LIMIT);
  }

  @Test
  void isPendingUntilAWorkerTakesItOnce() {
    Call c = pending();
    assertThat(c.status()).isEqualTo(CallStatus.PENDING);
    assertThat(c.start("node#1", T0.plusMillis(5))).isTrue();
    assertThat(c.status()).isEqualTo(CallStatus.RUNNING);
    assertThat(c.attempts()).isEqualTo(1);
    assertThat(c.start("node#2", T0.plusMillis(6))).as("a duplicate message").isFalse();
    assertThat(c.worker()).isEqualTo("node#1");
  }

  @Test
  void exitZeroIsDoneAndOtherCodesFail() {
    Call done = pending();
    done.start("w", T0);
    done.finish(exited(0), T0.plusMillis(250));
    assertThat(done.status()).isEqualTo(CallStatus.DONE);
    assertThat(done.durationMs()).isEqualTo(250);
    assertThat(done.reason()).isNull();

    Call failed = pending();
    failed.start("w", T0);
    failed.finish(exited(3), T0.plusMillis(10));
    assertThat(failed.status()).isEqualTo(CallStatus.FAILED);
    assertThat(failed.exitCode()).isEqualTo(3);
    assertThat(failed.reason()).contains("exited with code 3");
    assertThat(failed.stderr()).isEqualTo("err");
  }

  @Test
  void aKilledProcessTimesOut() {
    Call c = pending();
    c.start("w", T0);
    c.finish(new Call.Outcome(null, "", false, "", true, LIMIT), T0.plusSeconds(30));
    assertThat(c.status()).isEqualTo(CallStatus.TIMEOUT);
    assertThat(c.reason()).contains("PT30S");
    assertThat(c.status().finished()).isTrue();
  }

  @Test
  void onlyARunningCallFinishes() {
    assertThatThrownBy(() -> pending().finish(exited(0), T0)).isInstanceOf(ConflictException.class);
  }

  @Test
  void aCallLeftRunningByACrashIsTakenAgainOnceThenFails() {
    Call c = pending();
    c.start("node#1", T0);
    assertThat(c.requeue(T0.plusSeconds(1))).isTrue();
    assertThat(c.status()).isEqualTo(CallStatus.PENDING);
    assertThat(c.worker()).isNull();
    assertThat(c.reason()).contains("node#1");
    c.start("node#2", T0.plusSeconds(2));
    assertThat(c.attempts()).isEqualTo(Call.MAX_ATTEMPTS);
    assertThat(c.requeue(T0.plusSeconds(3))).isFalse();
    assertThat(c.status()).isEqualTo(CallStatus.FAILED);
    assertThat(c.reason()).contains("stopped mid-call, 2 times");
  }

  @Test
  void failingAnEndedCallChangesNothing() {
    Call c = pending();
    c.start("w", T0);
    c.finish(exited(0), T0.plusMillis(1));
    c.fail("late", T0.plusMillis(2));
    assertThat(c.status()).isEqualTo(CallStatus.DONE);
  }
}
