package org.dropcart.group.infrastructure;

import org.dropcart.platform.domain.Listing;
import org.dropcart.platform.domain.Page;
import org.dropcart.platform.infrastructure.persistence.JpqlListing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.dropcart.group.domain.Delivery;
import org.dropcart.group.domain.FileGroup;
import org.dropcart.group.domain.GroupRepository;
import org.dropcart.group.domain.GroupStatus;
import org.dropcart.group.domain.GroupedFile;
import org.dropcart.group.domain.PendingFile;
import org.dropcart.group.domain.Processor;

@ApplicationScoped
public class JpaGroupRepository implements GroupRepository {
  @PersistenceContext(unitName = "dropcart")
  private EntityManager em;

  @Override
  public Optional<FileGroup> find(String groupId) {
    return groupId == null ? Optional.empty() : Optional.ofNullable(em.find(FileGroup.class, groupId));
  }

  @Override
  public void lockFresh(FileGroup group) {
    em.refresh(group, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
  }

  @Override
  public Optional<FileGroup> ofWindow(String poolId, Instant windowStart) {
    return em.createNamedQuery("FileGroup.ofWindow", FileGroup.class).setParameter("pool", poolId)
        .setParameter("start", windowStart).getResultStream().findFirst();
  }

  @Override
  public void store(FileGroup group) {
    em.persist(group);
  }

  @Override
  public List<FileGroup> toSeal(Instant now, int limit) {
    return em.createNamedQuery("FileGroup.toSeal", FileGroup.class).setParameter("now", now)
        .setMaxResults(limit).getResultList();
  }

  @Override
  public List<FileGroup> ofPool(String poolId, GroupStatus status, int offset, int limit) {
    var query = status == null
        ? em.createNamedQuery("FileGroup.ofPool", FileGroup.class)
        : em.createNamedQuery("FileGroup.ofPoolInStatus", FileGroup.class).setParameter("status", status);
    return query.setParameter("pool", poolId).setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  @Override
  public long countOfPool(String poolId, GroupStatus status) {
    var query = status == null
        ? em.createNamedQuery("FileGroup.countOfPool", Long.class)
        : em.createNamedQuery("FileGroup.countOfPoolInStatus", Long.class).setParameter("status", status);
    return query.setParameter("pool", poolId).getSingleResult();
  }

  @Override
  public Optional<GroupedFile> file(String fileName) {
    return Optional.ofNullable(em.find(GroupedFile.class, fileName));
  }

  @Override
  public void store(GroupedFile file) {
    em.persist(file);
  }

  @Override
  public void remove(GroupedFile file) {
    em.remove(file);
  }

  @Override
  public Optional<FileGroup> withResult(String fileName) {
    return em.createQuery("SELECT g FROM FileGroup g WHERE g.resultFile = :file", FileGroup.class)
        .setParameter("file", fileName).setMaxResults(1).getResultStream().findFirst();
  }

  @Override
  public Page<FileGroup> list(Listing listing) {
    JpqlListing<FileGroup> groups = new JpqlListing<>(FileGroup.class, "g", "g.id");
    listing.filter("status").ifPresent(s -> groups.where("g.status = :status", "status", GroupStatus.parse(s)));
    listing.filter("poolId").ifPresent(pool -> groups.where("g.poolId = :pool", "pool", pool));
    return groups.pageNewestFirst(em, listing, SORTABLE, "windowStart");
  }

  private static final java.util.Map<String, String> SORTABLE = java.util.Map.of("windowStart", "g.windowStart",
      "windowEnd", "g.windowEnd", "status", "g.status", "files", "g.fileCount", "bytes", "g.bytes",
      "dispatchAttempts", "g.dispatchAttempts", "poolId", "g.poolId");

  @Override
  public List<PendingFile> pending(PendingFile after, int limit) {
    // Keyset paging with a row comparison, so the index (state, pool_id, ts, file_name) is entered
    // right after the last file read: files placed meanwhile leave dead index entries behind
    // (PostgreSQL), which a scan from the start of the range would wade through on every page.
    // The state leads the order although it is fixed: so the index serves the order (H2 sorts otherwise).
    String sql = "SELECT file_name, pool_id, ts, stored_at, size FROM grouped_files WHERE state = 'PENDING'"
        + (after == null ? "" : " AND (pool_id, ts, file_name) > (?1, ?2, ?3)")
        + " ORDER BY state, pool_id, ts, file_name FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY";
    var query = em.createNativeQuery(sql);
    if (after != null) {
      query.setParameter(1, after.poolId()).setParameter(2, after.timestamp().atOffset(java.time.ZoneOffset.UTC))
          .setParameter(3, after.fileName());
    }
    List<?> rows = query.getResultList();
    return rows.stream().map(r -> (Object[]) r).map(r -> new PendingFile((String) r[0], (String) r[1],
        instant(r[2]), instant(r[3]), ((Number) r[4]).longValue())).toList();
  }

  /** A TIMESTAMP WITH TIME ZONE as the driver hands it over (H2: OffsetDateTime; PostgreSQL: Timestamp). */
  private static Instant instant(Object value) {
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof Instant i) {
      return i;
    }
    throw new IllegalStateException("Not a timestamp: " + (value == null ? null : value.getClass()));
  }

  @Override
  public int assign(Collection<String> fileNames, String groupId, boolean late) {
    return em.createQuery("UPDATE GroupedFile f SET f.state = :grouped, f.groupId = :group, f.late = :late"
            + " WHERE f.state = :pending AND f.fileName IN :names")
        .setParameter("grouped", GroupedFile.State.GROUPED).setParameter("group", groupId)
        .setParameter("late", late).setParameter("pending", GroupedFile.State.PENDING)
        .setParameter("names", fileNames).executeUpdate();
  }

  @Override
  public int reject(Collection<String> fileNames) {
    return em.createQuery("UPDATE GroupedFile f SET f.state = :rejected, f.late = TRUE"
            + " WHERE f.state = :pending AND f.fileName IN :names")
        .setParameter("rejected", GroupedFile.State.REJECTED).setParameter("pending", GroupedFile.State.PENDING)
        .setParameter("names", fileNames).executeUpdate();
  }

  @Override
  public long bytesIn(String groupId, Collection<String> fileNames) {
    Long sum = em.createQuery("SELECT SUM(f.size) FROM GroupedFile f WHERE f.groupId = :group"
            + " AND f.fileName IN :names", Long.class)
        .setParameter("group", groupId).setParameter("names", fileNames).getSingleResult();
    return sum == null ? 0 : sum;
  }

  @Override
  public List<GroupedFile> filesOf(String groupId, int offset, int limit) {
    return em.createNamedQuery("GroupedFile.ofGroup", GroupedFile.class).setParameter("group", groupId)
        .setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  @Override
  public List<GroupedFile> named(Collection<String> fileNames) {
    if (fileNames.isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery("GroupedFile.named", GroupedFile.class).setParameter("names", fileNames)
        .getResultList();
  }

  @Override
  public Optional<Processor> processor(String poolId) {
    return poolId == null ? Optional.empty() : Optional.ofNullable(em.find(Processor.class, poolId));
  }

  @Override
  public List<Processor> processors(Collection<String> poolIds) {
    return poolIds.isEmpty() ? List.of()
        : em.createQuery("SELECT p FROM Processor p WHERE p.poolId IN :pools", Processor.class)
            .setParameter("pools", poolIds).getResultList();
  }

  @Override
  public void store(Processor processor) {
    em.persist(processor);
  }

  @Override
  public void remove(Processor processor) {
    em.remove(processor);
  }

  @Override
  public List<FileGroup> overdue(Instant before, int limit) {
    return em.createNamedQuery("FileGroup.overdue", FileGroup.class).setParameter("before", before)
        .setMaxResults(limit).getResultList();
  }

  @Override
  public List<FileGroup> inStatus(String poolId, GroupStatus status, int limit) {
    return em.createQuery("SELECT g FROM FileGroup g WHERE g.poolId = :pool AND g.status = :status"
            + " ORDER BY g.windowStart", FileGroup.class)
        .setParameter("pool", poolId).setParameter("status", status).setMaxResults(limit).getResultList();
  }

  @Override
  public int owe(FileGroup group, String resultFile, Instant now) {
    java.time.OffsetDateTime at = now.atOffset(java.time.ZoneOffset.UTC);
    em.createNativeQuery("UPDATE result_deliveries SET result_file = ?1, created_at = ?2, acked_at = NULL"
            + " WHERE group_id = ?3")
        .setParameter(1, resultFile).setParameter(2, at).setParameter(3, group.id()).executeUpdate();
    em.createNativeQuery("INSERT INTO result_deliveries (group_id, user_id, pool_id, result_file, created_at)"
            + " SELECT ?1, m.user_id, m.pool_id, ?2, ?3 FROM pool_members m WHERE m.pool_id = ?4"
            + " AND NOT EXISTS (SELECT 1 FROM result_deliveries d WHERE d.group_id = ?1 AND d.user_id = m.user_id)")
        .setParameter(1, group.id()).setParameter(2, resultFile).setParameter(3, at).setParameter(4, group.poolId())
        .executeUpdate();
    return ((Number) em.createNativeQuery(
            "SELECT COUNT(*) FROM result_deliveries WHERE group_id = ?1 AND acked_at IS NULL")
        .setParameter(1, group.id()).getSingleResult()).intValue();
  }

  @Override
  public Optional<Delivery> delivery(String groupId, String userId) {
    return Optional.ofNullable(em.find(Delivery.class, new Delivery.Key(groupId, userId)));
  }

  @Override
  public List<Delivery> deliveries(String userId, boolean pendingOnly, int offset, int limit) {
    return em.createNamedQuery(pendingOnly ? "Delivery.pendingOf" : "Delivery.of", Delivery.class)
        .setParameter("user", userId).setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  @Override
  public long countDeliveries(String userId, boolean pendingOnly) {
    return em.createNamedQuery(pendingOnly ? "Delivery.countPendingOf" : "Delivery.countOf", Long.class)
        .setParameter("user", userId).getSingleResult();
  }

  @Override
  public java.util.Map<String, Long> countByStatus() {
    return org.dropcart.platform.infrastructure.persistence.StatusCounts.of(em, "FileGroup", "status", org.dropcart.group.domain.GroupStatus.class);
  }
}
