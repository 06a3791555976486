package org.dropcart.registry.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where the registry's keys, changes, locks and revision counter are kept. */
public interface RegistryRepository {
  /**
   * Takes the next revision. The counter's row stays locked until the transaction ends, so writes
   * are serialised and revisions follow commit order.
   */
  long nextRevision();

  /** Locks the counter's row without taking a revision (a write that makes no change). */
  void lockRevisions();

  /** The latest revision, without locking. */
  long currentRevision();

  /** Every change up to this revision has been forgotten. */
  long compactedThrough();

  Optional<RegistryEntry> entry(String key);

  void store(RegistryEntry entry);

  /**
   * Writes the key only if its version is still {@code expected}, in one statement the database
   * decides (compare-and-set); false when it is not.
   */
  boolean writeIfAt(String key, long expected, String value, long revision, Instant expiresAt, Instant now, String by);

  /** Deletes the key only if its version is still {@code expected}; false when it is not. */
  boolean deleteIfAt(String key, long expected);

  void remove(RegistryEntry entry);

  /** Live keys under the prefix, in key order. */
  List<RegistryEntry> under(String prefix, Instant now, int offset, int limit);

  long countUnder(String prefix, Instant now);

  /** Every key under the prefix, live or expired. */
  List<String> keysUnder(String prefix);

  List<RegistryEntry> expired(Instant now, int limit);

  void record(RegistryChange change);

  /** Changes after revision {@code after} up to {@code upTo}, oldest first. */
  List<RegistryChange> changes(long after, long upTo, int limit);

  /** Forgets the changes made before {@code before}; returns how many. */
  int compactBefore(Instant before);

  Optional<RegistryLock> lock(String key);

  void store(RegistryLock lock);

  void remove(RegistryLock lock);

  int removeExpiredLocks(Instant now);
}
