package org.dropcart.pool.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A user's place in a pool, and the client identity it gives them there (seed 003's {@code
 * clientId} / {@code clientName}, used in the file index): the id is the client id, stable for as
 * long as the membership lasts; the client name is the user's name.
 */
@Entity
@Table(name = "pool_members")
@NamedQuery(
    name = "Membership.find",
    query = "SELECT m FROM Membership m WHERE m.poolId = :pool AND m.userId = :user")
@NamedQuery(
    name = "Membership.findByName",
    query = "SELECT m FROM Membership m WHERE m.poolId = :pool AND m.clientNameKey = :name")
@NamedQuery(
    name = "Membership.ofPool",
    query = "SELECT m FROM Membership m WHERE m.poolId = :pool ORDER BY m.clientNameKey")
@NamedQuery(
    name = "Membership.countOfPool",
    query = "SELECT COUNT(m) FROM Membership m WHERE m.poolId = :pool")
public class Membership {
  @Id
  @Column(name = "client_id", length = 36)
  private String clientId;

  @Column(name = "pool_id", nullable = false, length = 36)
  private String poolId;

  @Column(name = "user_id", nullable = false, length = 36)
  private String userId;

  @Column(name = "client_name", nullable = false, length = 64)
  private String clientName;

  @Column(name = "client_name_key", nullable = false, length = 64)
  private String clientNameKey;

  @Column(name = "joined_at", nullable = false)
  private Instant joinedAt;

  protected Membership() {}

  public Membership(Pool pool, String userId, String username, String usernameKey, Instant now) {
    this.clientId = UUID.randomUUID().toString();
    this.poolId = pool.id();
    this.userId = Objects.requireNonNull(userId);
    this.clientName = Objects.requireNonNull(username);
    this.clientNameKey = Objects.requireNonNull(usernameKey);
    this.joinedAt = now;
  }

  public String clientId() {
    return clientId;
  }

  public String poolId() {
    return poolId;
  }

  public String userId() {
    return userId;
  }

  public String clientName() {
    return clientName;
  }

  public Instant joinedAt() {
    return joinedAt;
  }
}
