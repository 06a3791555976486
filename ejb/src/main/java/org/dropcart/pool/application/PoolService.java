package org.dropcart.pool.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import org.dropcart.identity.application.IdentityService;
import org.dropcart.identity.application.UserView;
import org.dropcart.identity.domain.Username;
import org.dropcart.platform.application.Caller;
import org.dropcart.platform.domain.ConflictException;
import org.dropcart.platform.domain.ForbiddenException;
import org.dropcart.platform.domain.Listing;
import org.dropcart.platform.domain.NotFoundException;
import org.dropcart.platform.domain.Page;
import org.dropcart.platform.domain.PageRequest;
import org.dropcart.pool.domain.GroupingWindow;
import org.dropcart.pool.domain.LatePolicy;
import org.dropcart.pool.domain.Lateness;
import org.dropcart.pool.domain.Membership;
import org.dropcart.pool.domain.Pool;
import org.dropcart.pool.domain.PoolName;
import org.dropcart.pool.domain.PoolRepository;

/**
 * Pools and who belongs to them. Admins create pools and manage members; a user sees, uploads
 * into and listens to only the pools they belong to. Every context that works in a pool asks
 * {@link #requireMember} (or {@link #requireAccess}) before it touches the pool's data.
 */
@Stateless
public class PoolService {
  @Inject private PoolRepository pools;
  @Inject private IdentityService identity;
  @Inject private Clock clock;

  public PoolView create(String name, String groupingWindow, Caller caller) {
    return create(name, groupingWindow, null, null, caller);
  }

  /** A new pool; absent grouping settings take their defaults. */
  public PoolView create(String name, String groupingWindow, String lateness, String latePolicy, Caller caller) {
    caller.requireAdmin("manage pools");
    PoolName poolName = new PoolName(name);
    GroupingWindow window = GroupingWindow.parse(groupingWindow);
    Lateness grace = Lateness.parse(lateness);
    LatePolicy policy = LatePolicy.parse(latePolicy);
    if (pools.findByName(poolName).isPresent()) {
      throw new ConflictException("pool-name-taken", "A pool named '" + poolName + "' already exists");
    }
    Pool pool = new Pool(poolName, window, grace, policy, caller.username(), clock.instant());
    pools.store(pool);
    return PoolView.of(pool, 0);
  }

  /** Admins see every pool, users the pools they belong to. */
  public Page<PoolView> visibleTo(Caller caller, PageRequest page) {
    if (caller.admin()) {
      return Page.of(pools.inNameOrder(page.offset(), page.size()), page, pools.count()).map(this::view);
    }
    return memberOf(caller, page);
  }

  /** The pools the caller belongs to, admins included (the pools they may upload into). */
  public Page<PoolView> memberOf(Caller caller, PageRequest page) {
    return Page.of(pools.ofUserInNameOrder(caller.userId(), page.offset(), page.size()), page,
        pools.countOfUser(caller.userId())).map(this::view);
  }

  /** Every pool for an admin's listing: see {@link PoolRepository#list}. */
  public Page<PoolView> list(Listing listing, Caller caller) {
    caller.requireAdmin("list every pool");
    return pools.list(listing).map(this::view);
  }

  /**
   * Changes how the pool groups its files (admin); blank settings take their defaults, as at
   * creation. Groups already open keep their bounds.
   */
  public PoolView regroup(String poolId, String groupingWindow, String lateness, String latePolicy, Caller caller) {
    caller.requireAdmin("manage pools");
    Pool pool = existing(poolId);
    pool.regroup(GroupingWindow.parse(groupingWindow), Lateness.parse(lateness), LatePolicy.parse(latePolicy));
    return view(pool);
  }

  public PoolView pool(String poolId, Caller caller) {
    return view(requireAccess(poolId, caller));
  }

  public Page<MemberView> members(String poolId, Caller caller, PageRequest page) {
    requireAccess(poolId, caller);
    return Page.of(pools.members(poolId, page.offset(), page.size()), page, pools.countMembers(poolId))
        .map(MemberView::of);
  }

  public MemberView admit(String poolId, String username, Caller caller) {
    caller.requireAdmin("manage pools");
    Pool pool = existing(poolId);
    UserView user = identity.user(username);
    if (pools.membership(poolId, user.userId()).isPresent()) {
      throw new ConflictException("already-a-member", "'" + user.username() + "' is already in pool '"
          + pool.name() + "'");
    }
    Membership membership = new Membership(pool, user.userId(), user.username(),
        new Username(user.username()).key(), clock.instant());
    pools.store(membership);
    return MemberView.of(membership);
  }

  public void dismiss(String poolId, String username, Caller caller) {
    caller.requireAdmin("manage pools");
    Pool pool = existing(poolId);
    Membership membership = pools.membershipByName(poolId, new Username(username).key())
        .orElseThrow(() -> new NotFoundException("not-a-member",
            "'" + username + "' is not a member of pool '" + pool.name() + "'"));
    pools.remove(membership);
  }

  /**
   * The caller's membership of the pool; refuses anyone else, admins included (an admin who wants
   * to drop files into a pool joins it).
   */
  public MemberView requireMember(String poolId, Caller caller) {
    Pool pool = existing(poolId);
    return pools.membership(pool.id(), caller.userId()).map(MemberView::of)
        .orElseThrow(() -> notAMember(pool));
  }

  /** A pool by id, for the contexts that work on its data (no access check). */
  public java.util.Optional<Pool> find(String poolId) {
    return pools.find(poolId);
  }

  /** The user ids of every member of the pool (no access check). */
  public java.util.List<String> memberUserIds(String poolId) {
    return pools.memberUserIds(poolId);
  }

  /** The membership a client id stands for, if it still exists (no access check). */
  public java.util.Optional<MemberView> member(String clientId) {
    return pools.membershipById(clientId).map(MemberView::of);
  }

  /** The pool, if the caller is an admin or one of its members. */
  public Pool requireAccess(String poolId, Caller caller) {
    Pool pool = existing(poolId);
    if (!caller.admin() && pools.membership(pool.id(), caller.userId()).isEmpty()) {
      throw notAMember(pool);
    }
    return pool;
  }

  private Pool existing(String poolId) {
    return pools.find(poolId)
        .orElseThrow(() -> new NotFoundException("unknown-pool", "No pool with id '" + poolId + "'"));
  }

  private static ForbiddenException notAMember(Pool pool) {
    return new ForbiddenException("not-a-member", "You are not a member of pool '" + pool.name() + "'");
  }

  private PoolView view(Pool pool) {
    return PoolView.of(pool, pools.countMembers(pool.id()));
  }

  /** How many pools there are (the console dashboard). */
  public long count() {
    return pools.count();
  }
}
