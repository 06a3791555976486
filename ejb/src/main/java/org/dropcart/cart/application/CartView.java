package org.dropcart.cart.application;

import java.time.Instant;
import org.dropcart.cart.domain.Cart;

/** A cart as its owner sees it in a listing. */
public record CartView(String uid, String status, String message, boolean bundle, int files, long size,
    String owner, Instant created, Instant updated, Instant lastAccess) {
  public static CartView of(Cart c) {
    return new CartView(c.uid(), c.status().wire(), c.message(), c.bundle(), c.files().size(), c.totalBytes(),
        c.ownerName(), c.createdAt(), c.updatedAt(), c.lastAccess());
  }
}
