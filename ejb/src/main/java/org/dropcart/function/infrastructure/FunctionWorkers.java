package org.dropcart.function.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.function.application.FunctionCatalog;
import org.dropcart.function.application.FunctionSettings;
import org.dropcart.function.application.Invoker;
import org.dropcart.platform.application.Caller;
import org.dropcart.registry.application.PresenceView;
import org.dropcart.registry.application.Registry;

/**
 * This node's invocation workers as the rest of the system sees them. At start, calls a stopped
 * process of this node left RUNNING (a kill -9 mid-call) are queued again once or failed with the
 * reason. While it runs, the node keeps {@code faas/workers/{node}} in the registry under a lease of
 * {@code dropcart.faas.presence-ttl}, with its preload policy, sandbox and worker count; a node that dies
 * disappears from there when the lease runs out.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class FunctionWorkers {
  private static final Logger LOG = Logger.getLogger(FunctionWorkers.class.getName());
  private static final Caller SYSTEM = new Caller("system", "faas-workers", true);

  @Resource private TimerService timers;
  @Inject private FunctionCatalog catalog;
  @Inject private FunctionSettings settings;
  @Inject private Invoker invoker;
  @Inject private Registry registry;

  private static final long RETRY_MS = 5000;
  private static final int MAX_TRIES = 24;
  private int tries;

  @PostConstruct
  void later() {
    timers.createSingleActionTimer(3000, new TimerConfig("faas-recovery", false));
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void recover() {
    // Only what a stopped process left: calls this one started since are in its hands.
    Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    try {
      int requeued = catalog.recover(started, invoker.node());
      if (requeued > 0) {
        LOG.log(Level.INFO, "Queued again {0} calls left running by a stopped worker", requeued);
      }
    } catch (RuntimeException e) {
      // The broker (or its resource adapter) may not take messages yet this early in the start.
      if (++tries < MAX_TRIES) {
        LOG.log(Level.INFO, "Recovering calls left running must wait: {0}", e.toString());
        timers.createSingleActionTimer(RETRY_MS, new TimerConfig("faas-recovery", false));
        return;
      }
      LOG.log(Level.WARNING, "Recovering calls left running failed: {0}", e.toString());
    }
    heartbeat();
  }

  @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void heartbeat() {
    try {
      String value = Json.createObjectBuilder().add("node", invoker.node())
          .add("policy", invoker.policy().label()).add("workers", invoker.workers())
          .add("sandbox", settings.sandboxKind())
          .add("timeout", settings.timeout().toString()).add("heartbeatAt", Instant.now().toString())
          .build().toString();
      registry.put(PresenceView.WORKERS + invoker.node(), value, settings.presenceTtl(), null, SYSTEM);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Worker presence not written: {0}", e.toString());
    }
  }
}
