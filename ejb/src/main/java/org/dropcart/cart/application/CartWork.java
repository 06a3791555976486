package org.dropcart.cart.application;

import java.util.List;
import java.util.Optional;
import org.dropcart.cart.domain.Cart;
import org.dropcart.cart.domain.CartFile;
import org.dropcart.platform.application.Caller;

/**
 * What a worker needs of a cart, read in one short transaction: its ids, whether it is
 * pre-bundled, its files, and on whose behalf the files are read ({@code owner} empty: anonymous).
 */
public record CartWork(String cartId, String uid, boolean bundle, List<CartFile> files, Optional<Caller> owner) {
  public CartWork {
    files = List.copyOf(files);
  }

  static CartWork of(Cart c) {
    Optional<Caller> owner = c.ownerId() == null
        ? Optional.empty()
        : Optional.of(new Caller(c.ownerId(), c.ownerName() == null ? c.ownerId() : c.ownerName(), c.ownerAdmin()));
    return new CartWork(c.id(), c.uid(), c.bundle(), c.files(), owner);
  }
}
