package org.dropcart.registry.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change of the registry, numbered by the global revision that made it: what watchers see. */
@Entity
@Table(name = "registry_changes")
@NamedQuery(name = "RegistryChange.after",
    query = "SELECT c FROM RegistryChange c WHERE c.revision > :after AND c.revision <= :upTo ORDER BY c.revision")
@NamedQuery(name = "RegistryChange.lastBefore",
    query = "SELECT MAX(c.revision) FROM RegistryChange c WHERE c.changedAt < :before")
@NamedQuery(name = "RegistryChange.compact", query = "DELETE FROM RegistryChange c WHERE c.revision <= :through")
public class RegistryChange {
  /** What a change did to its key. */
  public enum Kind { PUT, DELETE }

  @Id
  @Column(name = "revision")
  private long revision;

  @Column(name = "entry_key", nullable = false, length = RegistryKey.MAX_LENGTH)
  private String key;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 8)
  private Kind kind;

  @Column(name = "entry_value", length = 65536)
  private String value;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  protected RegistryChange() {}

  public RegistryChange(long revision, String key, Kind kind, String value, Instant at) {
    this.revision = revision;
    this.key = key;
    this.kind = kind;
    this.value = value;
    this.changedAt = at;
  }

  public long revision() {
    return revision;
  }

  public String key() {
    return key;
  }

  public Kind kind() {
    return kind;
  }

  public String value() {
    return value;
  }

  public Instant changedAt() {
    return changedAt;
  }
}
