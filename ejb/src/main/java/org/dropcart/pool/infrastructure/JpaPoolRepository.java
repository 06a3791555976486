package org.dropcart.pool.infrastructure;

import java.util.Map;
import org.dropcart.platform.domain.Listing;
import org.dropcart.platform.domain.Page;
import org.dropcart.platform.infrastructure.persistence.JpqlListing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.dropcart.pool.domain.Membership;
import org.dropcart.pool.domain.Pool;
import org.dropcart.pool.domain.PoolName;
import org.dropcart.pool.domain.PoolRepository;

@ApplicationScoped
public class JpaPoolRepository implements PoolRepository {
  @PersistenceContext(unitName = "dropcart")
  private EntityManager em;

  @Override
  public Optional<Pool> find(String poolId) {
    return poolId == null ? Optional.empty() : Optional.ofNullable(em.find(Pool.class, poolId));
  }

  @Override
  public Optional<Pool> findByName(PoolName name) {
    return em.createNamedQuery("Pool.findByKey", Pool.class).setParameter("key", name.key())
        .getResultStream().findFirst();
  }

  @Override
  public void store(Pool pool) {
    em.persist(pool);
  }

  @Override
  public List<Pool> inNameOrder(int offset, int limit) {
    return em.createNamedQuery("Pool.inNameOrder", Pool.class).setFirstResult(offset).setMaxResults(limit)
        .getResultList();
  }

  @Override
  public Page<Pool> list(Listing listing) {
    JpqlListing<Pool> pools = new JpqlListing<>(Pool.class, "p", "p.id");
    listing.filter("name").ifPresent(
        name -> pools.where("p.nameKey LIKE :name ESCAPE '\\'", "name", JpqlListing.containing(name)));
    return pools.page(em, listing, SORTABLE, "name");
  }

  private static final Map<String, String> SORTABLE = Map.of("name", "p.nameKey",
      "groupingWindow", "p.groupingWindowSeconds", "lateness", "p.latenessSeconds", "latePolicy", "p.latePolicy",
      "createdAt", "p.createdAt");

  @Override
  public long count() {
    return em.createNamedQuery("Pool.count", Long.class).getSingleResult();
  }

  @Override
  public List<Pool> ofUserInNameOrder(String userId, int offset, int limit) {
    return em.createNamedQuery("Pool.ofUserInNameOrder", Pool.class).setParameter("user", userId)
        .setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  @Override
  public long countOfUser(String userId) {
    return em.createNamedQuery("Pool.countOfUser", Long.class).setParameter("user", userId).getSingleResult();
  }

  @Override
  public Optional<Membership> membership(String poolId, String userId) {
    return em.createNamedQuery("Membership.find", Membership.class).setParameter("pool", poolId)
        .setParameter("user", userId).getResultStream().findFirst();
  }

  @Override
  public Optional<Membership> membershipById(String clientId) {
    return clientId == null ? Optional.empty() : Optional.ofNullable(em.find(Membership.class, clientId));
  }

  @Override
  public Optional<Membership> membershipByName(String poolId, String usernameKey) {
    return em.createNamedQuery("Membership.findByName", Membership.class).setParameter("pool", poolId)
        .setParameter("name", usernameKey).getResultStream().findFirst();
  }

  @Override
  public void store(Membership membership) {
    em.persist(membership);
  }

  @Override
  public void remove(Membership membership) {
    em.remove(em.contains(membership) ? membership : em.merge(membership));
  }

  @Override
  public List<Membership> members(String poolId, int offset, int limit) {
    return em.createNamedQuery("Membership.ofPool", Membership.class).setParameter("pool", poolId)
        .setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  @Override
  public long countMembers(String poolId) {
    return em.createNamedQuery("Membership.countOfPool", Long.class).setParameter("pool", poolId)
        .getSingleResult();
  }

  @Override
  public List<String> memberUserIds(String poolId) {
    return em.createQuery("SELECT m.userId FROM Membership m WHERE m.poolId = :pool", String.class)
        .setParameter("pool", poolId).getResultList();
  }
}
