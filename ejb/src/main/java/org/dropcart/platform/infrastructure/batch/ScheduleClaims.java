package org.dropcart.platform.infrastructure.batch;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Who runs a scheduled job in a schedule slot, across every node that shares the database: the
 * first node to claim the slot. Claims are serialised through one locked row, so a node that loses
 * the race reads the winner's claim and nothing fails.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ScheduleClaims {
  @PersistenceContext(unitName = "dropcart")
  private EntityManager em;

  /**
   * Claims the slot for {@code node} unless a node already has it; returns the node that holds
   * the slot (this one when the claim succeeded).
   */
  public String claim(String job, long slotStart, String node, Instant now) {
    em.createNativeQuery("SELECT id FROM scheduled_runs_lock WHERE id = 1 FOR UPDATE").getResultList();
    Optional<String> holder = holder(job, slotStart);
    if (holder.isPresent()) {
      return holder.get();
    }
    em.createNativeQuery("INSERT INTO scheduled_runs (job_name, slot_start, node, claimed_at) VALUES (?1, ?2, ?3, ?4)")
        .setParameter(1, job).setParameter(2, slotStart).setParameter(3, node)
        .setParameter(4, now.atOffset(ZoneOffset.UTC)).executeUpdate();
    return node;
  }

  private Optional<String> holder(String job, long slotStart) {
    List<?> nodes = em.createNativeQuery("SELECT node FROM scheduled_runs WHERE job_name = ?1 AND slot_start = ?2")
        .setParameter(1, job).setParameter(2, slotStart).getResultList();
    return nodes.stream().findFirst().map(Object::toString);
  }

  /** Forgets the claims made before {@code before}; returns how many. */
  public int forget(Instant before) {
    return em.createNativeQuery("DELETE FROM scheduled_runs WHERE claimed_at < ?1")
        .setParameter(1, before.atOffset(ZoneOffset.UTC)).executeUpdate();
  }
}
