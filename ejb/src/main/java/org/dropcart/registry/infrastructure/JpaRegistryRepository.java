package org.dropcart.registry.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.dropcart.registry.domain.RegistryChange;
import org.dropcart.registry.domain.RegistryEntry;
import org.dropcart.registry.domain.RegistryKey;
import org.dropcart.registry.domain.RegistryLock;
import org.dropcart.registry.domain.RegistryRepository;

@ApplicationScoped
public class JpaRegistryRepository implements RegistryRepository {
  @PersistenceContext(unitName = "dropcart")
  private EntityManager em;

  @Override
  public long nextRevision() {
    // An UPDATE's row lock is real on every database (a SELECT … FOR UPDATE depends on the dialect).
    // The next revision is also past every change recorded: a counter found behind its history (seen
    // on H2 after contended compare-and-set writes: 194 with change 195 recorded) would otherwise make
    // every later write collide with a recorded change, for good; this way the registry heals itself.
    em.createNativeQuery("UPDATE registry_revision SET revision = 1 + GREATEST(revision,"
        + " COALESCE((SELECT MAX(c.revision) FROM registry_changes c), 0)) WHERE id = 1").executeUpdate();
    return currentRevision();
  }

  @Override
  public void lockRevisions() {
    em.createNativeQuery("UPDATE registry_revision SET writes = writes + 1 WHERE id = 1").executeUpdate();
  }

  @Override
  public long currentRevision() {
    return ((Number) em.createNativeQuery("SELECT revision FROM registry_revision WHERE id = 1").getSingleResult())
        .longValue();
  }

  @Override
  public long compactedThrough() {
    return ((Number) em.createNativeQuery("SELECT compacted FROM registry_revision WHERE id = 1").getSingleResult())
        .longValue();
  }

  @Override
  public Optional<RegistryEntry> entry(String key) {
    // Straight from the database: a write decides on what is committed, never on a cached copy.
    return Optional.ofNullable(em.find(RegistryEntry.class, key,
        java.util.Map.of("jakarta.persistence.cache.retrieveMode", jakarta.persistence.CacheRetrieveMode.BYPASS)));
  }

  @Override
  public boolean writeIfAt(String key, long expected, String value, long revision, Instant expiresAt, Instant now,
      String by) {
    return em.createQuery("UPDATE RegistryEntry e SET e.value = :value, e.modRevision = :revision,"
            + " e.expiresAt = :expires, e.updatedAt = :now, e.updatedBy = :by"
            + " WHERE e.key = :key AND e.modRevision = :expected")
        .setParameter("value", value).setParameter("revision", revision).setParameter("expires", expiresAt)
        .setParameter("now", now).setParameter("by", by).setParameter("key", key).setParameter("expected", expected)
        .executeUpdate() == 1;
  }

  @Override
  public boolean deleteIfAt(String key, long expected) {
    return em.createQuery("DELETE FROM RegistryEntry e WHERE e.key = :key AND e.modRevision = :expected")
        .setParameter("key", key).setParameter("expected", expected).executeUpdate() == 1;
  }

  @Override
  public void store(RegistryEntry entry) {
    em.persist(entry);
  }

  @Override
  public void remove(RegistryEntry entry) {
    em.remove(entry);
  }

  @Override
  public List<RegistryEntry> under(String prefix, Instant now, int offset, int limit) {
    return em.createNamedQuery("RegistryEntry.under", RegistryEntry.class)
        .setParameter("pattern", RegistryKey.likePattern(prefix)).setParameter("now", now)
        .setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  @Override
  public long countUnder(String prefix, Instant now) {
    return em.createNamedQuery("RegistryEntry.countUnder", Long.class)
        .setParameter("pattern", RegistryKey.likePattern(prefix)).setParameter("now", now).getSingleResult();
  }

  @Override
  public List<String> keysUnder(String prefix) {
    return em.createNamedQuery("RegistryEntry.keysUnder", String.class)
        .setParameter("pattern", RegistryKey.likePattern(prefix)).getResultList();
  }

  @Override
  public List<RegistryEntry> expired(Instant now, int limit) {
    return em.createNamedQuery("RegistryEntry.expired", RegistryEntry.class).setParameter("now", now)
        .setMaxResults(limit).getResultList();
  }

  @Override
  public void record(RegistryChange change) {
    em.persist(change);
  }

  @Override
  public List<RegistryChange> changes(long after, long upTo, int limit) {
    return em.createNamedQuery("RegistryChange.after", RegistryChange.class).setParameter("after", after)
        .setParameter("upTo", upTo).setMaxResults(limit).getResultList();
  }

  @Override
  public int compactBefore(Instant before) {
    Long through = em.createNamedQuery("RegistryChange.lastBefore", Long.class).setParameter("before", before)
        .getSingleResult();
    if (through == null) {
      return 0;
    }
    em.createNativeQuery("UPDATE registry_revision SET compacted = ? WHERE id = 1 AND compacted < ?")
        .setParameter(1, through).setParameter(2, through).executeUpdate();
    return em.createNamedQuery("RegistryChange.compact").setParameter("through", through).executeUpdate();
  }

  @Override
  public Optional<RegistryLock> lock(String key) {
    return Optional.ofNullable(em.find(RegistryLock.class, key));
  }

  @Override
  public void store(RegistryLock lock) {
    em.persist(lock);
  }

  @Override
  public void remove(RegistryLock lock) {
    em.remove(lock);
  }

  @Override
  public int removeExpiredLocks(Instant now) {
    return em.createNamedQuery("RegistryLock.expired").setParameter("now", now).executeUpdate();
  }
}
