package org.dropcart.cart.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.cart.application.CartBundles;
import org.dropcart.cart.application.CartQueue;
import org.dropcart.cart.application.CartVolume;
import org.dropcart.cart.application.Carts;
import org.dropcart.cart.domain.CartStatus;

/**
 * Picks up carts a stopped node left unfinished, shortly after start: waiting and staging carts are
 * queued for staging again (staging starts each file afresh), and carts left bundling are bundled
 * again by {@code cart-bundle}; staged files a ready cart's tar already holds are deleted.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class CartRecovery {
  private static final Logger LOG = Logger.getLogger(CartRecovery.class.getName());

  @Resource private TimerService timers;
  @Inject private Carts carts;
  @Inject private CartQueue queue;
  @Inject private CartBundles bundles;
  @Inject private CartVolume volume;

  @PostConstruct
  void later() {
    timers.createSingleActionTimer(5000, new TimerConfig("cart-recovery", false));
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void resume() {
    // Only what a stopped process left: carts this one took on since it started are in its hands.
    Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    List<String> staging = new java.util.ArrayList<>(carts.unfinished(CartStatus.WAITING, started));
    staging.addAll(carts.unfinished(CartStatus.STAGING, started));
    staging.forEach(queue::enqueue);
    boolean bundling = !carts.unfinished(CartStatus.BUNDLING, started).isEmpty();
    if (!staging.isEmpty() || bundling) {
      LOG.log(Level.INFO, "Resuming {0} carts to stage{1}",
          new Object[] {staging.size(), bundling ? " and the carts left bundling" : ""});
    }
    if (bundling) {
      bundles.start(null);
    }
    // A crash between a cart turning ready and its staged copies being deleted leaves them behind.
    for (String id : volume.bundledWithStagedFiles()) {
      if (carts.statusOf(id).filter(s -> s == CartStatus.READY).isPresent()) {
        LOG.log(Level.INFO, "Deleting the staged files of ready cart {0}", id);
        volume.deleteStaged(id);
      }
    }
  }
}
