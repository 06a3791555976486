package org.dropcart.cart.interfaces.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;
import org.dropcart.cart.application.CartView;
import org.dropcart.cart.application.Carts;
import org.dropcart.identity.interfaces.console.WebSession;
import org.dropcart.platform.interfaces.console.LazyTable;
import org.dropcart.platform.interfaces.console.Messages;

/**
 * The console's carts page: everybody's carts, sorted and filtered by status; an admin deletes a
 * cart with its files, as {@code DELETE /api/carts/{uid}} does.
 */
@Named
@ViewScoped
public class CartsPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private Carts carts;
  @Inject private WebSession session;

  private final LazyTable<CartView> table = new LazyTable<>(l -> carts.list(l, session.caller()), CartView::uid);

  public LazyTable<CartView> getTable() {
    return table;
  }

  /** Deletes the carts under the uid named in the request (by uid, not by row). */
  public void delete(String uid) {
    Messages.attempt(() -> carts.delete(uid, Optional.of(session.caller())), "Cart " + uid + " deleted with its files.");
  }
}
