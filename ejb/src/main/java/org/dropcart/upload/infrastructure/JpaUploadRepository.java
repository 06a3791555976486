package org.dropcart.upload.infrastructure;

import java.util.Map;
import org.dropcart.platform.domain.Listing;
import org.dropcart.platform.domain.Page;
import org.dropcart.platform.infrastructure.persistence.JpqlListing;
import org.dropcart.upload.domain.UploadState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.dropcart.upload.domain.Upload;
import org.dropcart.upload.domain.UploadRepository;

@ApplicationScoped
public class JpaUploadRepository implements UploadRepository {
  @PersistenceContext(unitName = "dropcart")
  private EntityManager em;

  @Override
  public Optional<Upload> find(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(em.find(Upload.class, id));
  }

  @Override
  public void store(Upload upload) {
    em.persist(upload);
  }

  @Override
  public Page<Upload> inFlight(Listing listing) {
    JpqlListing<Upload> uploads = new JpqlListing<>(Upload.class, "u", "u.id")
        .where("u.state IN :states", "states", List.of(UploadState.RECEIVING, UploadState.COMPLETE));
    listing.filter("poolId").ifPresent(pool -> uploads.where("u.poolId = :pool", "pool", pool));
    listing.filter("state").ifPresent(state -> uploads.where("u.state = :state", "state", state(state)));
    listing.filter("owner").ifPresent(owner ->
        uploads.where("LOWER(u.clientName) LIKE :owner ESCAPE '\\'", "owner", JpqlListing.containing(owner)));
    listing.filter("fileName").ifPresent(name ->
        uploads.where("LOWER(u.fileName) LIKE :name ESCAPE '\\'", "name", JpqlListing.containing(name)));
    return uploads.pageNewestFirst(em, listing, SORTABLE, "createdAt");
  }

  private static final Map<String, String> SORTABLE = Map.of("createdAt", "u.createdAt", "expiresAt", "u.expiresAt",
      "offset", "u.offset", "fileName", "u.fileName", "owner", "u.clientName", "poolId", "u.poolId");

  private static UploadState state(String text) {
    try {
      return UploadState.valueOf(text.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new org.dropcart.platform.domain.InvalidInputException("state", "must be RECEIVING or COMPLETE");
    }
  }

  @Override
  public Optional<Upload> finalOf(String partId) {
    return em.createNamedQuery("Upload.finalOf", Upload.class).setParameter("part", "%" + partId + "%")
        .setMaxResults(1).getResultStream().findFirst();
  }

  @Override
  public List<String> expiredIds(Instant now, int limit) {
    return em.createNamedQuery("Upload.expiredIds", String.class).setParameter("now", now)
        .setMaxResults(limit).getResultList();
  }

  @Override
  public java.util.Map<String, Long> countByStatus() {
    return org.dropcart.platform.infrastructure.persistence.StatusCounts.of(em, "Upload", "state", org.dropcart.upload.domain.UploadState.class);
  }
}
