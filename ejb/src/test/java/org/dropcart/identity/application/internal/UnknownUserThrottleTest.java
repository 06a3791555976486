package org.dropcart.identity.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.dropcart.identity.domain.LoginPolicy;
import org.junit.jupiter.api.Test;

class UnknownUserThrottleTest {
  private static final Instant T0 = Instant.parse("2026-01-10T09:00:00Z");
  private static final LoginPolicy POLICY = new LoginPolicy(3, Duration.ofMinutes(15));

  private final UnknownUserThrottle throttle = new UnknownUserThrottle();

  private void fail(String key, Instant at, int times) {
    for (int i = 0; i < times; i++) {
      throttle.recordFailure(key, at, POLICY);
    }
  }

  @Test
  void aNameNeverTriedIsNotLocked() {
    assertThat(throttle.lockedFor("ghost", T0)).isEmpty();
  }

  @Test
  void staysOpenBelowTheFailureLimit() {
    fail("ghost", T0, 2);

    assertThat(throttle.lockedFor("ghost", T0)).isEmpty();
  }

  @Test
  void locksForTheLockoutOnceTheLimitIsReached() {
    fail("ghost", T0, 3);

    assertThat(throttle.lockedFor("ghost", T0)).contains(Duration.ofMinutes(15));
    assertThat(throttle.lockedFor("ghost", T0.plusSeconds(60))).contains(Duration.ofMinutes(14));
  }

  @Test
  void countsEachNameOnItsOwn() {
    fail("ghost", T0, 3);

    assertThat(throttle.lockedFor("phantom", T0)).isEmpty();
  }

  @Test
  void theLockEndsWhenTheLockoutIsOver() {
    fail("ghost", T0, 3);

    assertThat(throttle.lockedFor("ghost", T0.plus(Duration.ofMinutes(15)))).isEmpty();
  }

  @Test
  void anExpiredLockStartsTheCountAfresh() {
    fail("ghost", T0, 3);
    Instant later = T0.plus(Duration.ofHours(1));

    fail("ghost", later, 2);

    assertThat(throttle.lockedFor("ghost", later)).isEmpty();
    fail("ghost", later, 1);
    assertThat(throttle.lockedFor("ghost", later)).contains(Duration.ofMinutes(15));
  }

  @Test
  void forgetsTheLeastRecentlyUsedNameBeyondTenThousand() {
    LoginPolicy lockAtOnce = new LoginPolicy(1, Duration.ofMinutes(15));
    for (int i = 0; i <= 10_000; i++) {
      throttle.recordFailure("name-" + i, T0, lockAtOnce);
    }

    assertThat(throttle.lockedFor("name-0", T0)).isEmpty();
    assertThat(throttle.lockedFor("name-1", T0)).isPresent();
    assertThat(throttle.lockedFor("name-10000", T0)).isPresent();
  }
}
