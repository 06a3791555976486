package org.dropcart.cart.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.cart.domain.Cart;
import org.dropcart.cart.domain.CartRepository;
import org.dropcart.cart.domain.CartStatus;
import org.dropcart.platform.application.Caller;
import org.dropcart.platform.domain.ForbiddenException;
import org.dropcart.platform.domain.InvalidInputException;
import org.dropcart.platform.domain.NotFoundException;

/**
 * Carts (seed 004, Pacifica cartd): what the API asks (submit, status, download, delete, list) and
 * the short transactions the staging and bundling workers take between their long, untransacted
 * file work. A cart belongs to its creator (admins see all); an anonymous cart (carts without
 * authentication) to everybody. Files on the volume are deleted only once the transaction that
 * forgot their cart commits.
 */
@Stateless
public class Carts {
  private static final Logger LOG = Logger.getLogger(Carts.class.getName());

  @Inject private CartRepository carts;
  @Inject private CartQueue queue;
  @Inject private CartVolume volume;
  @Inject private CartSettings settings;
  @Inject private Clock clock;
  @Resource private TransactionSynchronizationRegistry transaction;

  /** A new cart under {@code uid}, replacing any earlier one; staging starts after the commit. */
  public void submit(String uid, CartRequest request, Optional<Caller> caller) {
    requireValidUid(uid);
    for (Cart previous : carts.allByUid(uid)) {
      requireVisible(previous, caller);
      forget(previous);
    }
    Cart cart = new Cart(uid, caller.map(Caller::userId).orElse(null), caller.map(Caller::username).orElse(null),
        caller.map(Caller::admin).orElse(false), request.bundle().orElse(settings.bundleByDefault()),
        request.files(), clock.instant());
    carts.store(cart);
    queue.enqueue(cart.id());
    LOG.log(Level.FINE, "Cart {0} ({1}) submitted with {2} files", new Object[] {uid, cart.id(), request.files().size()});
  }

  /** The newest cart under the uid, for its owner or an admin. */
  public CartView status(String uid, Optional<Caller> caller) {
    return CartView.of(visible(uid, caller));
  }

  /** The caller's carts (an admin's: everybody's), newest first. */
  public List<CartView> list(Optional<Caller> caller) {
    String owner = caller.map(c -> c.admin() ? null : c.userId()).orElse(null);
    return carts.of(owner).stream().filter(c -> visible(c, caller)).map(CartView::of).toList();
  }

  /** Everybody's carts for an admin's listing: see {@link CartRepository#list}. */
  public org.dropcart.platform.domain.Page<CartView> list(org.dropcart.platform.domain.Listing listing, Caller caller) {
    caller.requireAdmin("list everybody's carts");
    return carts.list(listing).map(CartView::of);
  }

  /** The cart's tar or staged files when it is ready; the download counts as a use (LRU). */
  public CartDownload download(String uid, Optional<Caller> caller) {
    Cart cart = visible(uid, caller);
    if (cart.status() != CartStatus.READY) {
      return new CartDownload(uid, cart.status(), null, List.of());
    }
    cart.downloaded(clock.instant());
    if (cart.bundle()) {
      return new CartDownload(uid, cart.status(), volume.bundle(cart.id()), List.of());
    }
    return new CartDownload(uid, cart.status(), null, cart.files().stream()
        .map(f -> new CartTar.Member(f.path().value(), volume.staged(cart.id(), f.path()))).toList());
  }

  /** Deletes every cart under the uid with its files; work on it stops at its next step. */
  public void delete(String uid, Optional<Caller> caller) {
    List<Cart> all = carts.allByUid(uid);
    if (all.isEmpty()) {
      throw new NotFoundException("unknown-cart", "Not Found");
    }
    all.forEach(c -> requireVisible(c, caller));
    all.forEach(this::forget);
  }

  // ---- for the workers ----------------------------------------------------------------------

  /** Starts staging a waiting cart (or resumes one a crash interrupted); empty when there is nothing to stage. */
  public Optional<CartWork> startStaging(String cartId) {
    return carts.find(cartId).filter(c -> c.status() == CartStatus.WAITING || c.status() == CartStatus.STAGING)
        .map(c -> {
          c.advance(CartStatus.STAGING, clock.instant());
          return CartWork.of(c);
        });
  }

  /** A cart being bundled; empty when it is not (any more). */
  public Optional<CartWork> bundling(String cartId) {
    return carts.find(cartId).filter(c -> c.status() == CartStatus.BUNDLING).map(CartWork::of);
  }

  /** Records the space the cart holds; false when the cart is gone. */
  public boolean reserve(String cartId, long totalBytes, long reservedBytes) {
    return carts.find(cartId).map(c -> {
      c.reserve(totalBytes, reservedBytes);
      return true;
    }).orElse(false);
  }

  /** Every file is staged: a pre-bundled cart goes on to bundling, any other is ready. Returns the new status. */
  public Optional<CartStatus> staged(String cartId) {
    return carts.find(cartId).filter(c -> c.status() == CartStatus.STAGING).map(c -> {
      c.advance(c.bundle() ? CartStatus.BUNDLING : CartStatus.READY, clock.instant());
      return c.status();
    });
  }

  /** The tar is in place: the cart is ready and holds the tar's bytes only. */
  public boolean bundled(String cartId, long tarBytes) {
    return carts.find(cartId).filter(c -> c.status() == CartStatus.BUNDLING).map(c -> {
      c.reserve(c.totalBytes(), tarBytes);
      return c.advance(CartStatus.READY, clock.instant());
    }).orElse(false);
  }

  /** Puts the cart in error with a message for the client and frees what it staged. */
  public void fail(String cartId, String message) {
    carts.find(cartId).ifPresent(c -> {
      if (c.fail(message, clock.instant())) {
        LOG.log(Level.WARNING, "Cart {0} ({1}) is in error: {2}", new Object[] {c.uid(), cartId, message});
        afterCommit(() -> volume.delete(cartId));
      }
    });
  }

  /** The cart's status; empty when it is gone. */
  public Optional<CartStatus> statusOf(String cartId) {
    return carts.find(cartId).map(Cart::status);
  }

  public boolean exists(String cartId) {
    return carts.find(cartId).isPresent();
  }

  /** Ids of the carts in this unfinished status. */
  public List<String> unfinished(CartStatus status) {
    return unfinished(status, Instant.MAX);
  }

  /** Ids of the carts in this unfinished status that last changed before {@code before} (a crash left them so). */
  public List<String> unfinished(CartStatus status, Instant before) {
    return carts.unfinished().stream().filter(c -> c.status() == status && c.updatedAt().isBefore(before))
        .map(Cart::id).toList();
  }

  /** Bytes all carts but one hold on the volume. */
  public long reservedBytes(String exceptId) {
    return carts.reservedBytes(exceptId);
  }

  /**
   * Deletes the least recently used ready cart that was last used before the LRU buffer time (and
   * is not {@code exceptId}); its files are gone when this returns. Empty when none may go.
   */
  public Optional<String> purgeOldest(String exceptId) {
    return Cart.nextToPurge(carts.ready(), clock.instant(), settings.lruBuffer(), exceptId).map(c -> {
      LOG.log(Level.INFO, "Purging cart {0} ({1}), last used {2}, to free {3} bytes",
          new Object[] {c.uid(), c.id(), c.lastAccess(), c.reservedBytes()});
      forget(c);
      return c.uid();
    });
  }

  private void forget(Cart cart) {
    carts.remove(cart);
    String id = cart.id();
    afterCommit(() -> volume.delete(id));
  }

  private Cart visible(String uid, Optional<Caller> caller) {
    Cart cart = carts.findByUid(uid).orElseThrow(
        () -> new NotFoundException("unknown-cart", "No cart with uid " + uid + " found"));
    requireVisible(cart, caller);
    return cart;
  }

  private static boolean visible(Cart cart, Optional<Caller> caller) {
    return caller.map(c -> cart.visibleTo(c.userId(), c.admin())).orElse(cart.ownerId() == null);
  }

  private static void requireVisible(Cart cart, Optional<Caller> caller) {
    if (!visible(cart, caller)) {
      throw new ForbiddenException("not-your-cart", "Cart " + cart.uid() + " belongs to another user");
    }
  }

  private static void requireValidUid(String uid) {
    if (uid == null || uid.isEmpty() || uid.length() > 255 || uid.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
      throw new InvalidInputException("uid", "must be 1 to 255 characters without control characters");
    }
  }

  private void afterCommit(Runnable action) {
    transaction.registerInterposedSynchronization(new Synchronization() {
      @Override
      public void beforeCompletion() {}

      @Override
      public void afterCompletion(int status) {
        if (status == Status.STATUS_COMMITTED) {
          action.run();
        }
      }
    });
  }

  /** How many carts are in each status (the console dashboard). */
  public java.util.Map<String, Long> countByStatus() {
    return carts.countByStatus();
  }
}
