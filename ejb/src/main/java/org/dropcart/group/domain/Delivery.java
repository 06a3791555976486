package org.dropcart.group.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * A group's result owed to one member of its pool: pending until the member acknowledges it.
 * Rows are made in bulk when a result arrives ({@link GroupRepository#owe}); this entity reads and
 * acknowledges them one member at a time.
 */
@Entity
@Table(name = "result_deliveries")
@IdClass(Delivery.Key.class)
@NamedQuery(name = "Delivery.pendingOf",
    query = "SELECT d FROM Delivery d WHERE d.userId = :user AND d.ackedAt IS NULL ORDER BY d.createdAt")
@NamedQuery(name = "Delivery.countPendingOf",
    query = "SELECT COUNT(d) FROM Delivery d WHERE d.userId = :user AND d.ackedAt IS NULL")
@NamedQuery(name = "Delivery.of", query = "SELECT d FROM Delivery d WHERE d.userId = :user ORDER BY d.createdAt DESC")
@NamedQuery(name = "Delivery.countOf", query = "SELECT COUNT(d) FROM Delivery d WHERE d.userId = :user")
public class Delivery {
  /** The key: one delivery per group and member. */
  public static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String groupId;
    private String userId;

    public Key() {}

    public Key(String groupId, String userId) {
      this.groupId = groupId;
      this.userId = userId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && java.util.Objects.equals(groupId, k.groupId)
          && java.util.Objects.equals(userId, k.userId);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(groupId, userId);
    }
  }

  @Id
  @Column(name = "group_id", length = 36)
  private String groupId;

  @Id
  @Column(name = "user_id", length = 36)
  private String userId;

  @Column(name = "pool_id", nullable = false, length = 36)
  private String poolId;

  @Column(name = "result_file", nullable = false, length = 64)
  private String resultFile;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "acked_at")
  private Instant ackedAt;

  protected Delivery() {}

  /** The member has the result; a second acknowledgement changes nothing. */
  public void acknowledge(Instant now) {
    if (ackedAt == null) {
      ackedAt = now;
    }
  }

  public String groupId() {
    return groupId;
  }

  public String userId() {
    return userId;
  }

  public String poolId() {
    return poolId;
  }

  public String resultFile() {
    return resultFile;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant ackedAt() {
    return ackedAt;
  }
}
