package org.dropcart.registry.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.dropcart.platform.application.Caller;
import org.dropcart.platform.domain.ConflictException;
import org.dropcart.platform.domain.GoneException;
import org.dropcart.platform.domain.InvalidInputException;
import org.dropcart.platform.domain.NotFoundException;
import org.dropcart.platform.domain.Page;
import org.dropcart.platform.domain.PageRequest;
import org.dropcart.platform.domain.TooLargeException;
import org.dropcart.registry.domain.RegistryChange;
import org.dropcart.registry.domain.RegistryEntry;
import org.dropcart.registry.domain.RegistryKey;
import org.dropcart.registry.domain.RegistryLock;
import org.dropcart.registry.domain.RegistryRepository;

/**
 * The key-value registry of seed 000: put, get, delete, exists, list and delete a subtree,
 * compare-and-set put and delete, locks with leases, and the change history watchers read. Every
 * write takes the next global revision (serialising writes cluster-wide through the database), so
 * a compare-and-set never loses an update and a watcher sees changes in the order they happened.
 * A key or lock whose lease ran out counts as absent at once and is swept by {@link #sweep}.
 */
@Stateless
public class Registry {
  private static final int SWEEP_BATCH = 500;

  @Inject private RegistryRepository registry;
  @Inject private RegistrySettings settings;
  @Inject private Clock clock;

  /**
   * Writes a value. {@code expectedVersion}: null writes whatever is there; 0 writes only if the
   * key is absent; n writes only if the key's version is n (409 {@code version-conflict} otherwise).
   * {@code ttl} null keeps no lease.
   */
  public EntryView put(String key, String value, Duration ttl, Long expectedVersion, Caller caller) {
    RegistryKey.require("key", key);
    if (value == null) {
      throw new InvalidInputException("body", "the value is required (it may be empty)");
    }
    if (value.length() > RegistrySettings.MAX_VALUE) {
      throw new TooLargeException("value-too-large", "A value holds at most " + RegistrySettings.MAX_VALUE
          + " characters");
    }
    Instant now = clock.instant();
    Instant expiresAt = ttl == null ? null : now.plus(requireTtl("ttl", ttl));
    registry.lockRevisions();
    Optional<RegistryEntry> found = registry.entry(key);
    Optional<RegistryEntry> live = found.filter(e -> !e.expiredAt(now));
    requireVersion(key, live, expectedVersion);
    RegistryEntry entry;
    long revision;
    if (live.isPresent() && expectedVersion != null) {
      // Compare-and-set decided by the database itself, on the committed row.
      revision = registry.nextRevision();
      if (!registry.writeIfAt(key, expectedVersion, value, revision, expiresAt, now, caller.username())) {
        throw conflict(key, expectedVersion);
      }
      registry.record(new RegistryChange(revision, key, RegistryChange.Kind.PUT, value, now));
      return new EntryView(key, value, revision, live.get().createRevision(), expiresAt, now, caller.username());
    } else if (live.isPresent()) {
      revision = registry.nextRevision();
      entry = live.get();
      entry.write(value, revision, expiresAt, now, caller.username());
    } else if (found.isPresent()) {
      // Its lease ran out before the sweep came: watchers see it go, then come back.
      registry.record(new RegistryChange(registry.nextRevision(), key, RegistryChange.Kind.DELETE, null, now));
      revision = registry.nextRevision();
      entry = found.get();
      entry.recreate(value, revision, expiresAt, now, caller.username());
    } else {
      revision = registry.nextRevision();
      entry = new RegistryEntry(key, value, revision, expiresAt, now, caller.username());
      registry.store(entry);
    }
    registry.record(new RegistryChange(revision, key, RegistryChange.Kind.PUT, value, now));
    return EntryView.of(entry);
  }

  /** The key's value; 404 {@code unknown-key} when it is absent or its lease ran out. */
  public EntryView get(String key) {
    RegistryKey.require("key", key);
    return live(key, clock.instant()).map(EntryView::of).orElseThrow(() -> unknown(key));
  }

  public boolean exists(String key) {
    RegistryKey.require("key", key);
    return live(key, clock.instant()).isPresent();
  }

  /** Deletes a key; with {@code expectedVersion}, only at that version (409 {@code version-conflict}). */
  public void delete(String key, Long expectedVersion) {
    RegistryKey.require("key", key);
    Instant now = clock.instant();
    registry.lockRevisions();
    Optional<RegistryEntry> live = live(key, now);
    if (live.isEmpty()) {
      throw unknown(key);
    }
    requireVersion(key, live, expectedVersion);
    if (expectedVersion != null) {
      if (!registry.deleteIfAt(key, expectedVersion)) {
        throw conflict(key, expectedVersion);
      }
    } else {
      registry.remove(live.get());
    }
    registry.record(new RegistryChange(registry.nextRevision(), key, RegistryChange.Kind.DELETE, null, now));
  }

  /** The live keys under {@code prefix} (empty: all), in key order. */
  /**
   * What announces itself under a lease now (FaaS workers, external processors; see
   * {@link PresenceView}), at most {@code limit} of each kind, in key order.
   */
  public List<PresenceView> present(int limit) {
    Instant now = clock.instant();
    return PresenceView.PREFIXES.stream().flatMap(prefix -> registry.under(prefix, now, 0, limit).stream()
        .map(e -> PresenceView.of(prefix, EntryView.of(e)))).toList();
  }

  public Page<EntryView> list(String prefix, PageRequest page) {
    String p = prefix == null || prefix.isEmpty() ? "" : RegistryKey.require("prefix", prefix);
    Instant now = clock.instant();
    return Page.of(registry.under(p, now, page.offset(), page.size()).stream().map(EntryView::of).toList(), page,
        registry.countUnder(p, now));
  }

  /** Deletes every key under {@code prefix} (which must be given), each with its own change; returns how many. */
  public int deleteTree(String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      throw new InvalidInputException("prefix", "is required: deleting a subtree names it");
    }
    RegistryKey.require("prefix", prefix);
    Instant now = clock.instant();
    registry.lockRevisions();
    int deleted = 0;
    for (String key : registry.keysUnder(prefix)) {
      RegistryEntry entry = registry.entry(key).orElseThrow();
      boolean wasLive = !entry.expiredAt(now);
      registry.remove(entry);
      registry.record(new RegistryChange(registry.nextRevision(), key, RegistryChange.Kind.DELETE, null, now));
      deleted += wasLive ? 1 : 0;
    }
    return deleted;
  }

  /** Takes the lock on {@code key} for {@code ttl}; 423 {@code lock-held} while another lease holds it. */
  public LockView lock(String key, Duration ttl, Caller caller) {
    RegistryKey.require("key", key);
    Duration lease = requireTtl("ttl", ttl);
    Instant now = clock.instant();
    registry.lockRevisions(); // one writer at a time: two first takers cannot both insert
    Optional<RegistryLock> existing = registry.lock(key);
    RegistryLock lock;
    if (existing.isPresent()) {
      lock = existing.get();
      lock.acquire(caller.username(), now, lease);
    } else {
      lock = new RegistryLock(key, caller.username(), now, lease);
      registry.store(lock);
    }
    return LockView.of(lock);
  }

  /** Extends the holder's lease; 409 {@code lock-lost} when it no longer holds the lock. */
  public LockView renew(String key, String lockId, Duration ttl) {
    RegistryKey.require("key", key);
    Duration lease = requireTtl("ttl", ttl);
    Instant now = clock.instant();
    RegistryLock lock = registry.lock(key).orElseThrow(() -> lost(key, lockId));
    lock.renew(lockId, now, lease);
    return LockView.of(lock);
  }

  /** Releases the lock; 409 {@code lock-lost} when {@code lockId} no longer holds it. */
  public void release(String key, String lockId) {
    RegistryKey.require("key", key);
    RegistryLock lock = registry.lock(key).orElseThrow(() -> lost(key, lockId));
    lock.requireHeldBy(lockId, clock.instant());
    registry.remove(lock);
  }

  /** The lock on {@code key} if it is held now. */
  public Optional<LockView> lockOn(String key) {
    RegistryKey.require("key", key);
    Instant now = clock.instant();
    return registry.lock(key).filter(l -> l.heldAt(now)).map(LockView::of);
  }

  /** The latest revision: a watcher that starts now has seen everything up to it. */
  public long revision() {
    return registry.currentRevision();
  }

  /**
   * Up to {@code limit} changes after revision {@code after} and up to {@code upTo}, oldest first;
   * 410 {@code history-compacted} when changes after {@code after} are no longer all kept.
   */
  public List<ChangeView> changes(long after, long upTo, int limit) {
    if (after < 0) {
      throw new InvalidInputException("since", "must be a revision, 0 or more");
    }
    long compacted = registry.compactedThrough();
    if (after < compacted) {
      throw new GoneException("history-compacted", "Changes up to revision " + compacted
          + " are no longer kept; read the keys again and watch from now");
    }
    return registry.changes(after, upTo, limit).stream().map(ChangeView::of).toList();
  }

  /** Every change after {@code after}, up to {@code limit} (a node's feed for its watchers). */
  public List<ChangeView> feed(long after, int limit) {
    return registry.changes(after, Long.MAX_VALUE, limit).stream().map(ChangeView::of).toList();
  }

  /**
   * Deletes keys whose lease ran out (each a delete change, so watchers learn of it), drops expired
   * locks, and forgets changes older than the history setting; returns how many keys expired.
   */
  public int sweep() {
    Instant now = clock.instant();
    registry.removeExpiredLocks(now);
    registry.compactBefore(now.minus(settings.history()));
    List<RegistryEntry> expired = registry.expired(now, SWEEP_BATCH);
    if (expired.isEmpty()) {
      return 0;
    }
    registry.lockRevisions();
    int n = 0;
    for (RegistryEntry e : registry.expired(now, SWEEP_BATCH)) {
      registry.remove(e);
      registry.record(new RegistryChange(registry.nextRevision(), e.key(), RegistryChange.Kind.DELETE, null, now));
      n++;
    }
    return n;
  }

  private Optional<RegistryEntry> live(String key, Instant now) {
    return registry.entry(key).filter(e -> !e.expiredAt(now));
  }

  private Duration requireTtl(String field, Duration ttl) {
    if (ttl == null || ttl.isZero() || ttl.isNegative()) {
      throw new InvalidInputException(field, "must be a positive ISO-8601 duration");
    }
    if (ttl.compareTo(settings.maxTtl()) > 0) {
      throw new InvalidInputException(field, "must be at most " + settings.maxTtl());
    }
    return ttl;
  }

  private static void requireVersion(String key, Optional<RegistryEntry> live, Long expected) {
    if (expected == null) {
      return;
    }
    long actual = live.map(RegistryEntry::modRevision).orElse(0L);
    if (actual != expected) {
      throw new ConflictException("version-conflict", "Key '" + key + "' is at version " + actual
          + (actual == 0 ? " (absent)" : "") + ", not " + expected);
    }
  }

  private static ConflictException conflict(String key, long expected) {
    return new ConflictException("version-conflict", "Key '" + key + "' is no longer at version " + expected);
  }

  private static NotFoundException unknown(String key) {
    return new NotFoundException("unknown-key", "No key '" + key + "'");
  }

  private static ConflictException lost(String key, String lockId) {
    return new ConflictException("lock-lost", "Lock '" + key + "' is not held by " + lockId);
  }
}
