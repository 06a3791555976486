package org.dropcart.identity.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.dropcart.identity.domain.RevokedToken;
import org.dropcart.identity.domain.RevokedTokenRepository;

@ApplicationScoped
public class JpaRevokedTokenRepository implements RevokedTokenRepository {
  @PersistenceContext(unitName = "dropcart")
  private EntityManager em;

  @Override
  public boolean isRevoked(String tokenId) {
    return tokenId != null && em.find(RevokedToken.class, tokenId) != null;
  }

  @Override
  public void revoke(RevokedToken token) {
    if (em.find(RevokedToken.class, token.tokenId()) == null) {
      em.persist(token);
    }
  }

  @Override
  public int purgeExpired(Instant now) {
    return em.createNamedQuery("RevokedToken.purgeExpired").setParameter("now", now).executeUpdate();
  }
}
