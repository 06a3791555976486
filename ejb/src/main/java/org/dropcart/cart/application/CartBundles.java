package org.dropcart.cart.application;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the {@code cart-bundle} job for one cart (its {@code cartId} parameter), or without a
 * cart to bundle every cart left in {@code bundling}. Not through the jobs API's one-at-a-time
 * rule: several carts may be bundled at once, and {@link CartBundling} keeps one cart from being
 * bundled twice at a time.
 */
@ApplicationScoped
public class CartBundles {
  private static final Logger LOG = Logger.getLogger(CartBundles.class.getName());
  public static final String JOB = "cart-bundle";
  public static final String CART_ID = "cartId";

  public long start(String cartId) {
    Properties parameters = new Properties();
    if (cartId != null) {
      parameters.setProperty(CART_ID, cartId);
    }
    long execution = BatchRuntime.getJobOperator().start(JOB, parameters);
    LOG.log(Level.FINE, "Started {0} for cart {1}: execution {2,number,#}", new Object[] {JOB, cartId, execution});
    return execution;
  }
}
