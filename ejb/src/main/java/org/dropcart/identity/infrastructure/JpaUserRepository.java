package org.dropcart.identity.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import org.dropcart.platform.domain.Listing;
import org.dropcart.platform.domain.Page;
import org.dropcart.platform.infrastructure.persistence.JpqlListing;
import java.util.Optional;
import org.dropcart.identity.domain.Role;
import org.dropcart.identity.domain.User;
import org.dropcart.identity.domain.UserRepository;
import org.dropcart.identity.domain.Username;

@ApplicationScoped
public class JpaUserRepository implements UserRepository {
  @PersistenceContext(unitName = "dropcart")
  private EntityManager em;

  @Override
  public Optional<User> find(String userId) {
    return userId == null ? Optional.empty() : Optional.ofNullable(em.find(User.class, userId));
  }

  @Override
  public Optional<User> findByUsername(Username username) {
    return byKey(username, LockModeType.NONE);
  }

  @Override
  public Optional<User> findByUsernameForUpdate(Username username) {
    return byKey(username, LockModeType.PESSIMISTIC_WRITE);
  }

  private Optional<User> byKey(Username username, LockModeType lock) {
    return em.createNamedQuery("User.findByKey", User.class)
        .setParameter("key", username.key())
        .setLockMode(lock)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void store(User user) {
    em.persist(user);
  }

  @Override
  public List<User> inNameOrder(int offset, int limit) {
    return em.createNamedQuery("User.inNameOrder", User.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public Page<User> list(Listing listing) {
    JpqlListing<User> users = new JpqlListing<>(User.class, "u", "u.usernameKey");
    listing.filter("username").ifPresent(
        name -> users.where("u.usernameKey LIKE :name ESCAPE '\\'", "name", JpqlListing.containing(name)));
    listing.filter("role").ifPresent(role -> users.where("u.role = :role", "role", Role.fromWireName(role)));
    listing.filter("enabled").ifPresent(
        enabled -> users.where("u.enabled = :enabled", "enabled", Boolean.parseBoolean(enabled)));
    return users.page(em, listing, SORTABLE, "username");
  }

  private static final Map<String, String> SORTABLE = Map.of(
      "username", "u.usernameKey", "role", "u.role", "enabled", "u.enabled", "createdAt", "u.createdAt");

  @Override
  public long count() {
    return em.createNamedQuery("User.count", Long.class).getSingleResult();
  }

  @Override
  public long countEnabledWithRole(Role role) {
    return em.createNamedQuery("User.countEnabledWithRole", Long.class)
        .setParameter("role", role)
        .getSingleResult();
  }
}
