package org.dropcart.identity.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.dropcart.identity.domain.LoginPolicy;

/**
 * Sign-in protection for names that belong to no user. Known users keep this state in their own
 * row; unknown names are counted here, in memory and bounded, so that throttling answers the same
 * for a taken name and a free one and the 429 reveals nothing.
 */
@ApplicationScoped
class UnknownUserThrottle {
  private static final int MAX_TRACKED = 10_000;

  private record Attempts(int failures, Instant lockedUntil) {}

  private final Map<String, Attempts> attempts =
      new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Attempts> eldest) {
          return size() > MAX_TRACKED;
        }
      };

  synchronized Optional<Duration> lockedFor(String key, Instant now) {
    Attempts a = attempts.get(key);
    if (a == null || a.lockedUntil() == null || !a.lockedUntil().isAfter(now)) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, a.lockedUntil()));
  }

  synchronized void recordFailure(String key, Instant now, LoginPolicy policy) {
    Attempts a = attempts.get(key);
    int failures =
        a == null || (a.lockedUntil() != null && !a.lockedUntil().isAfter(now)) ? 1 : a.failures() + 1;
    Instant lockedUntil = failures >= policy.maxFailures() ? now.plus(policy.lockout()) : null;
    attempts.put(key, new Attempts(failures, lockedUntil));
  }
}
