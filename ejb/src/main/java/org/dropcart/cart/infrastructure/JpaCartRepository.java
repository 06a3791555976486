package org.dropcart.cart.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dropcart.cart.domain.Cart;
import org.dropcart.cart.domain.CartRepository;
import org.dropcart.cart.domain.CartStatus;
import org.dropcart.platform.domain.Listing;
import org.dropcart.platform.domain.Page;
import org.dropcart.platform.infrastructure.persistence.JpqlListing;

/** Carts in the relational database. */
@ApplicationScoped
public class JpaCartRepository implements CartRepository {
  @PersistenceContext(unitName = "dropcart")
  private EntityManager em;

  @Override
  public void store(Cart cart) {
    em.persist(cart);
  }

  @Override
  public Optional<Cart> find(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(em.find(Cart.class, id));
  }

  @Override
  public Optional<Cart> findByUid(String uid) {
    return allByUid(uid).stream().findFirst();
  }

  @Override
  public List<Cart> allByUid(String uid) {
    return em.createNamedQuery("Cart.byUid", Cart.class).setParameter("uid", uid).getResultList();
  }

  @Override
  public void remove(Cart cart) {
    em.remove(em.contains(cart) ? cart : em.merge(cart));
  }

  @Override
  public List<Cart> of(String ownerId) {
    return ownerId == null
        ? em.createNamedQuery("Cart.all", Cart.class).setMaxResults(1000).getResultList()
        : em.createNamedQuery("Cart.ofOwner", Cart.class).setParameter("owner", ownerId).setMaxResults(1000)
            .getResultList();
  }

  @Override
  public List<Cart> unfinished() {
    return em.createNamedQuery("Cart.unfinished", Cart.class).getResultList();
  }

  @Override
  public List<Cart> ready() {
    return em.createNamedQuery("Cart.ready", Cart.class).getResultList();
  }

  @Override
  public long reservedBytes(String exceptId) {
    Number n = em.createNamedQuery("Cart.reservedBytes", Number.class)
        .setParameter("except", exceptId == null ? "" : exceptId).getSingleResult();
    return n == null ? 0 : n.longValue();
  }

  @Override
  public Page<Cart> list(Listing listing) {
    JpqlListing<Cart> carts = new JpqlListing<>(Cart.class, "c", "c.id");
    listing.filter("status").ifPresent(s -> carts.where("c.status = :status", "status", CartStatus.parse(s)));
    listing.filter("uid").ifPresent(
        uid -> carts.where("LOWER(c.uid) LIKE :uid ESCAPE '\\'", "uid", JpqlListing.containing(uid)));
    listing.filter("owner").ifPresent(
        owner -> carts.where("LOWER(c.ownerName) LIKE :owner ESCAPE '\\'", "owner", JpqlListing.containing(owner)));
    return carts.pageNewestFirst(em, listing, SORTABLE, "created");
  }

  private static final Map<String, String> SORTABLE = Map.of("uid", "c.uid", "status", "c.status",
      "size", "c.totalBytes", "created", "c.createdAt", "lastAccess", "c.lastAccess");

  @Override
  public java.util.Map<String, Long> countByStatus() {
    return org.dropcart.platform.infrastructure.persistence.StatusCounts.of(em, "Cart", "status", org.dropcart.cart.domain.CartStatus.class);
  }
}
