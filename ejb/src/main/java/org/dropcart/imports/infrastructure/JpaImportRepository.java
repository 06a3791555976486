package org.dropcart.imports.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.dropcart.imports.domain.CachedDownload;
import org.dropcart.imports.domain.Import;
import org.dropcart.imports.domain.ImportRepository;
import org.dropcart.imports.domain.ImportStatus;
import org.dropcart.platform.domain.Listing;
import org.dropcart.platform.domain.Page;
import org.dropcart.platform.infrastructure.persistence.JpqlListing;

@ApplicationScoped
public class JpaImportRepository implements ImportRepository {
  @PersistenceContext(unitName = "dropcart")
  private EntityManager em;

  @Override
  public Optional<Import> find(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(em.find(Import.class, id));
  }

  @Override
  public void store(Import i) {
    em.persist(i);
  }

  @Override
  public List<Import> ofOwner(String ownerId, int offset, int limit) {
    return em.createNamedQuery("Import.ofOwner", Import.class).setParameter("owner", ownerId)
        .setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  @Override
  public long countOfOwner(String ownerId) {
    return em.createNamedQuery("Import.countOfOwner", Long.class).setParameter("owner", ownerId).getSingleResult();
  }

  @Override
  public Optional<CachedDownload> cached(String urlHash) {
    return Optional.ofNullable(em.find(CachedDownload.class, urlHash));
  }

  @Override
  public void store(CachedDownload c) {
    em.persist(c);
  }

  private static final java.util.Map<String, String> SORTS = java.util.Map.of(
      "createdAt", "i.createdAt", "status", "i.status", "url", "i.url", "owner", "i.clientName");

  @Override
  public Page<Import> listed(Listing listing) {
    JpqlListing<Import> imports = new JpqlListing<>(Import.class, "i", "i.id");
    listing.filter("status").ifPresent(
        s -> imports.where("i.status = :status", "status", JpqlListing.constant(ImportStatus.class, "status", s)));
    listing.filter("poolId").ifPresent(pool -> imports.where("i.poolId = :pool", "pool", pool));
    listing.filter("url").ifPresent(
        url -> imports.where("LOWER(i.url) LIKE :url ESCAPE '\\'", "url", JpqlListing.containing(url)));
    listing.filter("owner").ifPresent(owner ->
        imports.where("LOWER(i.clientName) LIKE :owner ESCAPE '\\'", "owner", JpqlListing.containing(owner)));
    return imports.pageNewestFirst(em, listing, SORTS, "createdAt");
  }

  @Override
  public long countActive() {
    return em.createQuery("SELECT COUNT(i) FROM Import i WHERE i.status IN :active", Long.class)
        .setParameter("active", java.util.Arrays.stream(ImportStatus.values())
            .filter(s -> !s.finished()).toList())
        .getSingleResult();
  }
}
