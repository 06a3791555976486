package org.dropcart.identity.application;

import java.time.Instant;
import java.util.Objects;

/** The claims of a verified access token that identity rules look at. */
public record TokenClaims(
    String userId, String username, String tokenId, int generation, Instant expiresAt) {
  /** The claim carrying the user's token generation (see {@code User}). */
  public static final String GENERATION_CLAIM = "gen";

  public TokenClaims {
    Objects.requireNonNull(userId, "A token names its user (sub).");
    Objects.requireNonNull(tokenId, "A token has an id (jti).");
    Objects.requireNonNull(expiresAt, "A token has an expiry (exp).");
  }
}
