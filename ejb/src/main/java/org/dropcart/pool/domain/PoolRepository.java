package org.dropcart.pool.domain;

import java.util.List;
import java.util.Optional;

/** Where pools and their memberships are kept. */
public interface PoolRepository {
  Optional<Pool> find(String poolId);

  Optional<Pool> findByName(PoolName name);

  void store(Pool pool);

  List<Pool> inNameOrder(int offset, int limit);

  long count();

  /**
   * A page of pools for an admin's listing: sortable by {@code name}, {@code groupingWindow},
   * {@code lateness}, {@code latePolicy}, {@code createdAt}; filter {@code name} (contains).
   */
  org.dropcart.platform.domain.Page<Pool> list(org.dropcart.platform.domain.Listing listing);

  List<Pool> ofUserInNameOrder(String userId, int offset, int limit);

  long countOfUser(String userId);

  Optional<Membership> membership(String poolId, String userId);

  Optional<Membership> membershipById(String clientId);

  Optional<Membership> membershipByName(String poolId, String usernameKey);

  void store(Membership membership);

  void remove(Membership membership);

  List<Membership> members(String poolId, int offset, int limit);

  long countMembers(String poolId);

  /** The user ids of every member of the pool. */
  List<String> memberUserIds(String poolId);
}
