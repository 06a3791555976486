package org.dropcart.cart.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.dropcart.cart.application.CartSettings;
import org.dropcart.cart.application.CartSource;

/** The source of cart files: the archive interface when one is configured, else the store. */
@ApplicationScoped
public class CartSources {
  @Inject private CartSettings settings;
  @Inject private StoreCartSource store;
  @Inject private ArchiveCartSource archive;

  @Produces
  CartSource source() {
    return settings.archiveUrl().isPresent() ? archive : store;
  }
}
