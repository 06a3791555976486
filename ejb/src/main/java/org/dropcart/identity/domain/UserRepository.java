package org.dropcart.identity.domain;

import java.util.List;
import java.util.Optional;

/** Where users are kept. */
public interface UserRepository {
  Optional<User> find(String userId);

  Optional<User> findByUsername(Username username);

  /** Same as {@link #findByUsername} but holds a write lock on the user until the transaction ends. */
  Optional<User> findByUsernameForUpdate(Username username);

  void store(User user);

  List<User> inNameOrder(int offset, int limit);

  long count();

  /**
   * A page of users for an admin's listing: sortable by {@code username}, {@code role}, {@code
   * enabled}, {@code createdAt}; filters {@code username} (contains), {@code role}, {@code enabled}.
   */
  org.dropcart.platform.domain.Page<User> list(org.dropcart.platform.domain.Listing listing);

  long countEnabledWithRole(Role role);
}
