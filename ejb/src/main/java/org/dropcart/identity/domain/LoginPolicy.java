package org.dropcart.identity.domain;

import java.time.Duration;

/**
 * How many wrong passwords in a row a user name may receive ({@code maxFailures}) before sign-in
 * is refused for {@code lockout}, whatever password is given.
 */
public record LoginPolicy(int maxFailures, Duration lockout) {
  public LoginPolicy {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("maxFailures must be at least 1");
    }
    if (lockout.isNegative() || lockout.isZero()) {
      throw new IllegalArgumentException("lockout must be positive");
    }
  }
}
