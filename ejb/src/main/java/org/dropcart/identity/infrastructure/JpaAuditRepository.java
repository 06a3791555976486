package org.dropcart.identity.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dropcart.identity.domain.AuditEventType;
import org.dropcart.identity.domain.AuditRecord;
import org.dropcart.identity.domain.AuditRepository;

@ApplicationScoped
public class JpaAuditRepository implements AuditRepository {
  @PersistenceContext(unitName = "dropcart")
  private EntityManager em;

  @Override
  public boolean storeOnce(AuditRecord record) {
    if (em.find(AuditRecord.class, record.toEvent().id()) != null) {
      return false;
    }
    em.persist(record);
    return true;
  }

  @Override
  public List<AuditRecord> newestFirst(
      Optional<AuditEventType> type, Optional<String> username, int offset, int limit) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<AuditRecord> q = cb.createQuery(AuditRecord.class);
    Root<AuditRecord> r = q.from(AuditRecord.class);
    q.select(r)
        .where(filters(cb, r, type, username))
        .orderBy(cb.desc(r.get("occurredAt")), cb.desc(r.get("id")));
    TypedQuery<AuditRecord> query = em.createQuery(q);
    return query.setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  @Override
  public long count(Optional<AuditEventType> type, Optional<String> username) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> q = cb.createQuery(Long.class);
    Root<AuditRecord> r = q.from(AuditRecord.class);
    q.select(cb.count(r)).where(filters(cb, r, type, username));
    return em.createQuery(q).getSingleResult();
  }

  private static Predicate[] filters(
      CriteriaBuilder cb, Root<AuditRecord> r, Optional<AuditEventType> type, Optional<String> username) {
    List<Predicate> where = new ArrayList<>();
    type.ifPresent(t -> where.add(cb.equal(r.get("type"), t)));
    username.ifPresent(u -> where.add(cb.equal(cb.lower(r.get("username")), u.toLowerCase(java.util.Locale.ROOT))));
    return where.toArray(Predicate[]::new);
  }

  @Override
  public int purgeBefore(Instant cutoff) {
    return em.createNamedQuery("AuditRecord.purgeBefore").setParameter("cutoff", cutoff).executeUpdate();
  }
}
