package org.dropcart.pool.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A pool of client applications that drop files into Dropcart and share what comes back. Its
 * members are {@link Membership}s, kept as their own small aggregate: a pool may have thousands of
 * them, and checking one membership must not load the others.
 */
@Entity
@Table(name = "pools")
@NamedQuery(name = "Pool.findByKey", query = "SELECT p FROM Pool p WHERE p.nameKey = :key")
@NamedQuery(name = "Pool.inNameOrder", query = "SELECT p FROM Pool p ORDER BY p.nameKey")
@NamedQuery(name = "Pool.count", query = "SELECT COUNT(p) FROM Pool p")
@NamedQuery(
    name = "Pool.ofUserInNameOrder",
    query =
        "SELECT p FROM Pool p WHERE p.id IN (SELECT m.poolId FROM Membership m WHERE m.userId = :user)"
            + " ORDER BY p.nameKey")
@NamedQuery(
    name = "Pool.countOfUser",
    query = "SELECT COUNT(m) FROM Membership m WHERE m.userId = :user")
public class Pool {
  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "name", nullable = false, length = 64)
  private String name;

  @Column(name = "name_key", nullable = false, length = 64, unique = true)
  private String nameKey;

  @Column(name = "grouping_window_seconds", nullable = false)
  private long groupingWindowSeconds;

  @Column(name = "lateness_seconds", nullable = false)
  private long latenessSeconds;

  @Column(name = "late_policy", nullable = false, length = 8)
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private LatePolicy latePolicy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Pool() {}

  public Pool(PoolName name, GroupingWindow window, String createdBy, Instant now) {
    this(name, window, Lateness.DEFAULT, LatePolicy.DEFAULT, createdBy, now);
  }

  public Pool(PoolName name, GroupingWindow window, Lateness lateness, LatePolicy latePolicy, String createdBy,
      Instant now) {
    this.id = UUID.randomUUID().toString();
    this.name = name.value();
    this.nameKey = name.key();
    this.groupingWindowSeconds = window.length().toSeconds();
    this.latenessSeconds = lateness.grace().toSeconds();
    this.latePolicy = java.util.Objects.requireNonNull(latePolicy, "latePolicy");
    this.createdBy = createdBy;
    this.createdAt = now;
  }

  /**
   * Changes how the pool groups its files from now on: windows grouped after the change have the
   * new width, grace and policy; a group already open keeps the bounds it opened with, and files
   * already placed stay where they are.
   */
  public void regroup(GroupingWindow window, Lateness lateness, LatePolicy latePolicy) {
    this.groupingWindowSeconds = window.length().toSeconds();
    this.latenessSeconds = lateness.grace().toSeconds();
    this.latePolicy = java.util.Objects.requireNonNull(latePolicy, "latePolicy");
  }

  public String id() {
    return id;
  }

  public PoolName name() {
    return new PoolName(name);
  }

  public GroupingWindow groupingWindow() {
    return new GroupingWindow(Duration.ofSeconds(groupingWindowSeconds));
  }

  /** How long after its end a window still takes files. */
  public Lateness lateness() {
    return new Lateness(Duration.ofSeconds(latenessSeconds));
  }

  public LatePolicy latePolicy() {
    return latePolicy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }
}
