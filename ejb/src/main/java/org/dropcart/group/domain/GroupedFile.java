package org.dropcart.group.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored file's place in its pool's groups: {@link State#PENDING} until the grouping job places
 * it, then {@link State#GROUPED} in exactly one group, or {@link State#REJECTED} when it came too
 * late for a pool whose policy is to reject. The job moves files in bulk; this entity is how one
 * file enters and how a group's files are read back.
 */
@Entity
@Table(name = "grouped_files")
@NamedQuery(name = "GroupedFile.ofGroup",
    query = "SELECT f FROM GroupedFile f WHERE f.groupId = :group ORDER BY f.timestamp, f.fileName")
@NamedQuery(name = "GroupedFile.named", query = "SELECT f FROM GroupedFile f WHERE f.fileName IN :names")
public class GroupedFile {
  /** Where a file stands in grouping. */
  public enum State {
    PENDING,
    GROUPED,
    REJECTED
  }

  @Id
  @Column(name = "file_name", length = 64)
  private String fileName;

  @Column(name = "pool_id", nullable = false, length = 36)
  private String poolId;

  @Column(name = "owner_id", length = 36)
  private String ownerId;

  @Column(name = "client_id", nullable = false, length = 36)
  private String clientId;

  @Column(name = "name", nullable = false, length = 255)
  private String name;

  @Column(name = "ts", nullable = false)
  private Instant timestamp;

  @Column(name = "stored_at", nullable = false)
  private Instant storedAt;

  @Column(name = "size", nullable = false)
  private long size;

  @Column(name = "sha256", nullable = false, length = 64)
  private String sha256;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 8)
  private State state;

  @Column(name = "group_id", length = 36)
  private String groupId;

  @Column(name = "late", nullable = false)
  private boolean late;

  protected GroupedFile() {}

  /** A stored file waiting for the grouping job. */
  public GroupedFile(String fileName, String poolId, String ownerId, String clientId, String name,
      Instant timestamp, Instant storedAt, long size, String sha256) {
    this.fileName = Objects.requireNonNull(fileName, "fileName");
    this.poolId = Objects.requireNonNull(poolId, "poolId");
    this.ownerId = ownerId;
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.name = name == null ? fileName : truncate(name, 255);
    this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
    this.storedAt = Objects.requireNonNull(storedAt, "storedAt");
    this.size = size;
    this.sha256 = Objects.requireNonNull(sha256, "sha256");
    this.state = State.PENDING;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  public String fileName() {
    return fileName;
  }

  public String poolId() {
    return poolId;
  }

  public String ownerId() {
    return ownerId;
  }

  public String clientId() {
    return clientId;
  }

  public String name() {
    return name;
  }

  public Instant timestamp() {
    return timestamp;
  }

  public Instant storedAt() {
    return storedAt;
  }

  public long size() {
    return size;
  }

  public String sha256() {
    return sha256;
  }

  public State state() {
    return state;
  }

  public String groupId() {
    return groupId;
  }

  public boolean late() {
    return late;
  }
}
