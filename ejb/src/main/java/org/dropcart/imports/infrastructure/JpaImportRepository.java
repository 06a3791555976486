package org.dropcart.imports.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.dropcart.imports.domain.CachedDownload;
import org.dropcart.imports.domain.Import;
import org.dropcart.imports.domain.ImportRepository;

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
}
