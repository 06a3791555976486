package org.dropcart.platform.application;

import java.time.Instant;

/**
 * Tokens that let their bearer do one thing without an account, until they expire: fetch a file
 * through a short-lived URL, or post a result to a callback. A token names its purpose (say {@code
 * bundle:<groupId>}); it is worth nothing for any other purpose, after its expiry, or altered.
 */
public interface SignedLinks {
  /** What a token is worth for one purpose. */
  enum Check {
    VALID,
    EXPIRED,
    INVALID
  }

  /** A token (URL-safe) for {@code purpose}, good until {@code expiry}. */
  String sign(String purpose, Instant expiry);

  /** Whether {@code token} was signed here for exactly {@code purpose}, and is still good. */
  Check check(String token, String purpose);
}
