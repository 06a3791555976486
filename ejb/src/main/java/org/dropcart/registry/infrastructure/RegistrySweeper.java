package org.dropcart.registry.infrastructure;

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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.registry.application.Registry;
import org.dropcart.registry.application.RegistrySettings;

/**
 * Sweeps the registry on every node ({@code dropcart.registry.sweep-interval}): keys and locks whose
 * lease ran out, and changes older than the history. Nodes sweeping at once is harmless: each
 * sweep takes the revision lock and reads what is expired only then.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class RegistrySweeper {
  private static final Logger LOG = Logger.getLogger(RegistrySweeper.class.getName());

  @Resource private TimerService timers;
  @Inject private Registry registry;
  @Inject private RegistrySettings settings;

  @PostConstruct
  void start() {
    long every = Math.max(100, settings.sweepInterval().toMillis());
    timers.createIntervalTimer(every, every, new TimerConfig("registry-sweep", false));
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void tick() {
    try {
      int expired = registry.sweep();
      if (expired > 0) {
        LOG.log(Level.FINE, "Registry: {0} key(s) expired", expired);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Registry sweep failed; the next one tries again: {0}", e.toString());
    }
  }
}
