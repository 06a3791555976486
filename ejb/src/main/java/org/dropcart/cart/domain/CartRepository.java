package org.dropcart.cart.domain;

import java.util.List;
import java.util.Optional;

/** The carts. */
public interface CartRepository {
  void store(Cart cart);

  Optional<Cart> find(String id);

  /** The newest cart under a uid (cartd serves the newest). */
  Optional<Cart> findByUid(String uid);

  /** Every cart under a uid, newest first. */
  List<Cart> allByUid(String uid);

  void remove(Cart cart);

  /**
   * A page of everybody's carts for an admin's listing: sortable by {@code uid}, {@code status},
   * {@code size}, {@code created}, {@code lastAccess}; filters {@code status} (a {@link CartStatus}
   * wire name), {@code uid} and {@code owner} (contains, any case).
   */
  org.dropcart.platform.domain.Page<Cart> list(org.dropcart.platform.domain.Listing listing);

  /** A user's carts (or, with {@code null}, everybody's), newest first. */
  List<Cart> of(String ownerId);

  /** Carts still being worked on (waiting, staging, bundling). */
  List<Cart> unfinished();

  /** The ready carts. */
  List<Cart> ready();

  /** Bytes every cart but one holds on the volume. */
  long reservedBytes(String exceptId);

  /** How many carts in each status (every status present), by status name, for the console dashboard. */
  java.util.Map<String, Long> countByStatus();
}
