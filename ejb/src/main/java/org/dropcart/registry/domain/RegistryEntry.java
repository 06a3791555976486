package org.dropcart.registry.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A key and its value. {@code modRevision} is the registry revision that last wrote it (what a
 * compare-and-set compares); a key with a lease ({@code expiresAt}) is gone once that passes.
 */
@Entity
@Table(name = "registry_entries")
@NamedQuery(name = "RegistryEntry.under",
    query = "SELECT e FROM RegistryEntry e WHERE e.key LIKE :pattern ESCAPE '\\' AND (e.expiresAt IS NULL OR e.expiresAt > :now)"
        + " ORDER BY e.key")
@NamedQuery(name = "RegistryEntry.countUnder",
    query = "SELECT COUNT(e) FROM RegistryEntry e WHERE e.key LIKE :pattern ESCAPE '\\' AND (e.expiresAt IS NULL OR e.expiresAt > :now)")
@NamedQuery(name = "RegistryEntry.keysUnder",
    query = "SELECT e.key FROM RegistryEntry e WHERE e.key LIKE :pattern ESCAPE '\\' ORDER BY e.key")
@NamedQuery(name = "RegistryEntry.expired",
    query = "SELECT e FROM RegistryEntry e WHERE e.expiresAt <= :now ORDER BY e.expiresAt")
public class RegistryEntry {
  @Id
  @Column(name = "entry_key", length = RegistryKey.MAX_LENGTH)
  private String key;

  @Column(name = "entry_value", nullable = false, length = 65536)
  private String value;

  @Column(name = "mod_revision", nullable = false)
  private long modRevision;

  @Column(name = "create_revision", nullable = false)
  private long createRevision;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false, length = 64)
  private String updatedBy;

  protected RegistryEntry() {}

  public RegistryEntry(String key, String value, long revision, Instant expiresAt, Instant now, String by) {
    this.key = Objects.requireNonNull(key);
    this.createRevision = revision;
    write(value, revision, expiresAt, now, by);
  }

  /** A new value, written at {@code revision}. */
  public void write(String value, long revision, Instant expiresAt, Instant now, String by) {
    this.value = Objects.requireNonNull(value);
    this.modRevision = revision;
    this.expiresAt = expiresAt;
    this.updatedAt = now;
    this.updatedBy = by;
  }

  /** The key made anew after its lease ran out: a new life, from {@code revision}. */
  public void recreate(String value, long revision, Instant expiresAt, Instant now, String by) {
    this.createRevision = revision;
    write(value, revision, expiresAt, now, by);
  }

  /** Whether its lease has run out at {@code now} (it then counts as absent). */
  public boolean expiredAt(Instant now) {
    return expiresAt != null && !expiresAt.isAfter(now);
  }

  public String key() {
    return key;
  }

  public String value() {
    return value;
  }

  public long modRevision() {
    return modRevision;
  }

  public long createRevision() {
    return createRevision;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public String updatedBy() {
    return updatedBy;
  }
}
