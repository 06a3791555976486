package org.dropcart.cart.application;

import java.nio.file.Path;
import java.util.List;
import org.dropcart.cart.domain.CartStatus;

/**
 * A cart about to be downloaded: when it is ready, either its pre-bundled tar ({@code bundle}) or
 * its staged files in request order ({@code staged}, named by their path in the cart).
 */
public record CartDownload(String uid, CartStatus status, Path bundle, List<CartTar.Member> staged) {
  public CartDownload {
    staged = staged == null ? List.of() : List.copyOf(staged);
  }

  public boolean ready() {
    return status == CartStatus.READY;
  }

  public boolean preBundled() {
    return bundle != null;
  }
}
