package org.dropcart.identity.domain;

import java.time.Instant;

/** The deny-list of signed-out tokens. */
public interface RevokedTokenRepository {
  boolean isRevoked(String tokenId);

  /** Adds the token to the deny-list; revoking a token twice is harmless. */
  void revoke(RevokedToken token);

  /** Deletes entries whose token has expired anyway; returns how many. */
  int purgeExpired(Instant now);
}
