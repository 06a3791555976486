package org.dropcart.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * An access token that was signed out before it expired. It is refused until its own expiry, after
 * which the entry has no further use and the token-cleanup job deletes it.
 */
@Entity
@Table(name = "revoked_tokens")
@NamedQuery(name = "RevokedToken.purgeExpired", query = "DELETE FROM RevokedToken t WHERE t.expiresAt < :now")
public class RevokedToken {
  @Id
  @Column(name = "jti", length = 64)
  private String tokenId;

  @Column(name = "user_id", nullable = false, length = 36)
  private String userId;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "revoked_at", nullable = false)
  private Instant revokedAt;

  protected RevokedToken() {}

  public RevokedToken(String tokenId, String userId, Instant expiresAt, Instant revokedAt) {
    this.tokenId = Objects.requireNonNull(tokenId, "A token id is required.");
    this.userId = Objects.requireNonNull(userId, "A user id is required.");
    this.expiresAt = Objects.requireNonNull(expiresAt, "An expiry is required.");
    this.revokedAt = Objects.requireNonNull(revokedAt, "A revocation time is required.");
  }

  public String tokenId() {
    return tokenId;
  }
}
