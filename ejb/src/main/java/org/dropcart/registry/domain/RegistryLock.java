package org.dropcart.registry.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.dropcart.platform.domain.BusyException;
import org.dropcart.platform.domain.ConflictException;

/**
 * A lock on a key, held by one lease at a time until it is released or its TTL runs out; the
 * holder proves it is the holder with the lock id it was given.
 */
@Entity
@Table(name = "registry_locks")
@NamedQuery(name = "RegistryLock.expired", query = "DELETE FROM RegistryLock l WHERE l.expiresAt <= :now")
public class RegistryLock {
  @Id
  @Column(name = "lock_key", length = RegistryKey.MAX_LENGTH)
  private String key;

  @Column(name = "lock_id", nullable = false, length = 36)
  private String lockId;

  @Column(name = "holder", nullable = false, length = 64)
  private String holder;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "acquired_at", nullable = false)
  private Instant acquiredAt;

  protected RegistryLock() {}

  public RegistryLock(String key, String holder, Instant now, Duration ttl) {
    this.key = key;
    take(holder, now, ttl);
  }

  /** Takes the lock for a new lease; 423 {@code lock-held} while another lease holds it. */
  public void acquire(String holder, Instant now, Duration ttl) {
    if (heldAt(now)) {
      throw new BusyException("lock-held", "Lock '" + key + "' is held by " + this.holder + " until " + expiresAt);
    }
    take(holder, now, ttl);
  }

  private void take(String holder, Instant now, Duration ttl) {
    this.lockId = UUID.randomUUID().toString();
    this.holder = holder;
    this.acquiredAt = now;
    this.expiresAt = now.plus(ttl);
  }

  /** Extends the lease of holder {@code lockId}; 409 {@code lock-lost} when that lease is over. */
  public void renew(String lockId, Instant now, Duration ttl) {
    requireHeldBy(lockId, now);
    this.expiresAt = now.plus(ttl);
  }

  /** Checks {@code lockId} still holds the lock (409 {@code lock-lost} otherwise). */
  public void requireHeldBy(String lockId, Instant now) {
    if (!this.lockId.equals(lockId) || !heldAt(now)) {
      throw new ConflictException("lock-lost", "Lock '" + key + "' is no longer held by " + lockId
          + " (released, expired or taken by another)");
    }
  }

  public boolean heldAt(Instant now) {
    return expiresAt.isAfter(now);
  }

  public String key() {
    return key;
  }

  public String lockId() {
    return lockId;
  }

  public String holder() {
    return holder;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant acquiredAt() {
    return acquiredAt;
  }
}
