package org.dropcart.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A person or client application that signs in to Dropcart.
 *
 * <p>A user holds one {@link Role}, may be disabled by an admin, and carries the state of its own
 * sign-in protection: the count of wrong passwords in a row and, once that reaches the policy's
 * limit, the instant until which sign-in is refused. Every access token carries the user's token
 * generation at the time it was issued; disabling a user or changing its role starts a new
 * generation, so the change takes effect at once for every earlier token rather than when it
 * expires. (A time cut-off would not do: tokens carry their issue time in whole seconds, so one
 * issued in the same second as the change could not be told apart.)
 */
@Entity
@Table(name = "users")
@NamedQuery(name = "User.findByKey", query = "SELECT u FROM User u WHERE u.usernameKey = :key")
@NamedQuery(name = "User.inNameOrder", query = "SELECT u FROM User u ORDER BY u.usernameKey")
@NamedQuery(name = "User.count", query = "SELECT COUNT(u) FROM User u")
@NamedQuery(
    name = "User.countEnabledWithRole",
    query = "SELECT COUNT(u) FROM User u WHERE u.role = :role AND u.enabled = TRUE")
public class User {
  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "username", nullable = false, length = 64)
  private String username;

  @Column(name = "username_key", nullable = false, length = 64, unique = true)
  private String usernameKey;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(name = "role", nullable = false, length = 16)
  private Role role;

  @Column(name = "enabled", nullable = false)
  private boolean enabled;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "token_generation", nullable = false)
  private int tokenGeneration;

  @Column(name = "failed_logins", nullable = false)
  private int failedLogins;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected User() {}

  public User(Username username, String passwordHash, Role role, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.username = username.value();
    this.usernameKey = username.key();
    this.passwordHash = Objects.requireNonNull(passwordHash, "A password hash is required.");
    this.role = Objects.requireNonNull(role, "A role is required.");
    this.enabled = true;
    this.createdAt = now;
    this.tokenGeneration = 1;
  }

  public String id() {
    return id;
  }

  public Username username() {
    return new Username(username);
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Role role() {
    return role;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** How long sign-in stays refused, if it is refused at {@code now}. */
  public Optional<Duration> lockedFor(Instant now) {
    if (lockedUntil == null || !lockedUntil.isAfter(now)) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, lockedUntil));
  }

  /** Counts a wrong password; the policy's limit reached, sign-in is refused for its lockout. */
  public void recordFailedLogin(Instant now, LoginPolicy policy) {
    if (lockedUntil != null && !lockedUntil.isAfter(now)) {
      failedLogins = 0;
      lockedUntil = null;
    }
    failedLogins++;
    if (failedLogins >= policy.maxFailures()) {
      lockedUntil = now.plus(policy.lockout());
    }
  }

  public void recordSuccessfulLogin() {
    failedLogins = 0;
    lockedUntil = null;
  }

  /** The generation new tokens carry. */
  public int tokenGeneration() {
    return tokenGeneration;
  }

  /** Whether a token of the given generation still counts. */
  public boolean honoursTokenOfGeneration(int generation) {
    return enabled && generation == tokenGeneration;
  }

  public void changeRole(Role newRole) {
    if (role != newRole) {
      role = Objects.requireNonNull(newRole);
      invalidateTokens();
    }
  }

  public void disable() {
    if (enabled) {
      enabled = false;
      invalidateTokens();
    }
  }

  /**
   * Sets a new password (an admin's reset): earlier tokens stop counting, as they would for a
   * disabled user, and any sign-in lockout ends with the old password.
   */
  public void resetPassword(String newPasswordHash) {
    passwordHash = Objects.requireNonNull(newPasswordHash, "A password hash is required.");
    failedLogins = 0;
    lockedUntil = null;
    invalidateTokens();
  }

  public void enable() {
    enabled = true;
  }

  private void invalidateTokens() {
    tokenGeneration++;
  }
}
