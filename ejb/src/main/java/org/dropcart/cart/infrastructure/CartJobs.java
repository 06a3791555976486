package org.dropcart.cart.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.dropcart.cart.application.CartBundles;
import org.dropcart.platform.application.JobDefinition;

/** The batch jobs the cart context owns. */
@ApplicationScoped
public class CartJobs {
  public static final String LRU_PURGE = "lru-purge";

  @Produces
  JobDefinition cartBundle() {
    return new JobDefinition(CartBundles.JOB,
        "Writes a pre-bundled cart's tar from its staged files (job parameter cartId); without one, every cart"
            + " left in bundling",
        "dropcart.carts.bundle-schedule");
  }

  @Produces
  JobDefinition lruPurge() {
    return new JobDefinition(LRU_PURGE,
        "Purges ready carts, least recently downloaded first, while carts fill more than the high-water mark"
            + " of their volume",
        "dropcart.carts.purge-interval");
  }
}
