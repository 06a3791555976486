package org.dropcart.cart.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A data cart (seed 004): files a user asked for by id, fetched and verified in the background,
 * then served as one tar. The client names it by {@code uid}; a new request under the same uid
 * makes a new cart that replaces the old one, so each cart also has an id of its own (its place on
 * the volume). The status only moves forward ({@link CartStatus#mayBecome}); {@code message} says
 * why a cart is in error. {@code lastAccess} (the last download, or when it became ready) orders
 * the least recently used carts for purging.
 */
@Entity
@Table(name = "carts")
@NamedQuery(name = "Cart.byUid", query = "SELECT c FROM Cart c WHERE c.uid = :uid ORDER BY c.createdAt DESC")
@NamedQuery(name = "Cart.ofOwner", query = "SELECT c FROM Cart c WHERE c.ownerId = :owner ORDER BY c.createdAt DESC")
@NamedQuery(name = "Cart.all", query = "SELECT c FROM Cart c ORDER BY c.createdAt DESC")
@NamedQuery(name = "Cart.unfinished",
    query = "SELECT c FROM Cart c WHERE c.status IN (org.dropcart.cart.domain.CartStatus.WAITING,"
        + " org.dropcart.cart.domain.CartStatus.STAGING, org.dropcart.cart.domain.CartStatus.BUNDLING)")
@NamedQuery(name = "Cart.ready",
    query = "SELECT c FROM Cart c WHERE c.status = org.dropcart.cart.domain.CartStatus.READY")
@NamedQuery(name = "Cart.reservedBytes",
    query = "SELECT COALESCE(SUM(c.reservedBytes), 0) FROM Cart c WHERE c.id <> :except")
public class Cart {
  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "uid", nullable = false, length = 255)
  private String uid;

  @Column(name = "owner_id", length = 36)
  private String ownerId;

  @Column(name = "owner_name", length = 255)
  private String ownerName;

  @Column(name = "owner_admin", nullable = false)
  private boolean ownerAdmin;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private CartStatus status;

  @Column(name = "message", length = 2000)
  private String message;

  @Column(name = "bundle", nullable = false)
  private boolean bundle;

  @Column(name = "total_bytes", nullable = false)
  private long totalBytes;

  @Column(name = "reserved_bytes", nullable = false)
  private long reservedBytes;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "last_access")
  private Instant lastAccess;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "cart_files", joinColumns = @JoinColumn(name = "cart_id"))
  @OrderColumn(name = "position")
  private List<CartFile> files = new ArrayList<>();

  protected Cart() {}

  /**
   * A new cart in {@code waiting}. {@code ownerId} is null for an anonymous cart (carts without
   * authentication).
   */
  public Cart(String uid, String ownerId, String ownerName, boolean ownerAdmin, boolean bundle,
      List<CartFile> files, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.uid = Objects.requireNonNull(uid, "A cart has a uid.");
    this.ownerId = ownerId;
    this.ownerName = ownerName;
    this.ownerAdmin = ownerAdmin;
    this.bundle = bundle;
    this.files = new ArrayList<>(Objects.requireNonNull(files, "A cart has files."));
    this.status = CartStatus.WAITING;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /**
   * The cart to purge first among {@code carts} (seed 004's LRU rule): a ready cart, least recently
   * downloaded (or made ready) first, then the oldest, never one used less than {@code buffer} ago,
   * and never {@code exceptId} (the cart that needs the space).
   */
  public static Optional<Cart> nextToPurge(Collection<Cart> carts, Instant now, Duration buffer, String exceptId) {
    Instant before = now.minus(buffer);
    return carts.stream()
        .filter(c -> c.status == CartStatus.READY && !c.id.equals(exceptId))
        .filter(c -> c.lastAccess != null && c.lastAccess.isBefore(before))
        .min(Comparator.comparing((Cart c) -> c.lastAccess).thenComparing(c -> c.createdAt));
  }

  /** Moves the cart on; false (and no change) when its status may not become {@code next}. */
  public boolean advance(CartStatus next, Instant now) {
    if (next == CartStatus.ERROR || !status.mayBecome(next)) {
      return false;
    }
    status = next;
    updatedAt = now;
    if (next == CartStatus.READY) {
      lastAccess = now;
    }
    return true;
  }

  /** Puts an unfinished cart in error, with a message for the client; false when it had finished. */
  public boolean fail(String why, Instant now) {
    if (status.isFinal()) {
      return false;
    }
    status = CartStatus.ERROR;
    message = why.length() > 2000 ? why.substring(0, 2000) : why;
    updatedAt = now;
    reservedBytes = 0;
    return true;
  }

  /** Records the cart's size and the space it holds on the volume. */
  public void reserve(long total, long reserved) {
    this.totalBytes = total;
    this.reservedBytes = reserved;
  }

  /** A download started: the cart is the most recently used one. */
  public void downloaded(Instant now) {
    lastAccess = now;
  }

  /** Whether the caller may see the cart: its creator, or an admin. */
  public boolean visibleTo(String userId, boolean admin) {
    return admin || ownerId == null || ownerId.equals(userId);
  }

  public String id() {
    return id;
  }

  public String uid() {
    return uid;
  }

  public String ownerId() {
    return ownerId;
  }

  public String ownerName() {
    return ownerName;
  }

  public boolean ownerAdmin() {
    return ownerAdmin;
  }

  public CartStatus status() {
    return status;
  }

  /** The error message; empty unless the cart is in error. */
  public String message() {
    return message == null ? "" : message;
  }

  public boolean bundle() {
    return bundle;
  }

  public long totalBytes() {
    return totalBytes;
  }

  public long reservedBytes() {
    return reservedBytes;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant lastAccess() {
    return lastAccess;
  }

  public List<CartFile> files() {
    return List.copyOf(files);
  }
}
