package org.dropcart.identity.application;

import java.time.Duration;

/**
 * How a sign-in attempt ended. A refusal is a normal outcome, not an exception: the failed attempt
 * must still be counted and audited, which a rolled-back transaction would undo.
 */
public sealed interface LoginOutcome {
  record LoggedIn(SignedIn signedIn) implements LoginOutcome {}

  /** Wrong password, unknown user or disabled user: deliberately indistinguishable. */
  record Rejected() implements LoginOutcome {}

  /** Too many wrong passwords in a row for this name; try again after {@code retryAfter}. */
  record Throttled(Duration retryAfter) implements LoginOutcome {}
}
