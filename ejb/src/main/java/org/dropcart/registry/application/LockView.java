package org.dropcart.registry.application;

import java.time.Instant;
import org.dropcart.registry.domain.RegistryLock;

/** A held lock: the {@code lockId} is the holder's proof for renewing and releasing it. */
public record LockView(String key, String lockId, String holder, Instant acquiredAt, Instant expiresAt) {
  static LockView of(RegistryLock l) {
    return new LockView(l.key(), l.lockId(), l.holder(), l.acquiredAt(), l.expiresAt());
  }
}
