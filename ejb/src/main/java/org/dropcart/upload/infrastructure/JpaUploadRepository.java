package org.dropcart.upload.infrastructure;

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
