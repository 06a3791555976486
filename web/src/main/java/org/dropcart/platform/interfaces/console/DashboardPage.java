package org.dropcart.platform.interfaces.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.cart.application.Carts;
import org.dropcart.file.application.FileCatalog;
import org.dropcart.function.application.FunctionCatalog;
import org.dropcart.group.application.Grouping;
import org.dropcart.identity.application.IdentityService;
import org.dropcart.platform.application.DeadLetters;
import org.dropcart.platform.application.HealthView;
import org.dropcart.platform.application.QueueDepth;
import org.dropcart.platform.application.SystemHealth;
import org.dropcart.pool.application.PoolService;
import org.dropcart.upload.application.UploadLedger;

/**
 * The console dashboard: readiness checks, counts of each context, queue depths and the volume's
 * space. Request scoped, so every poll reads afresh; each figure is read at most once per request,
 * and one that cannot be read (its store is down) shows as unavailable instead of failing the page.
 */
@Named
@RequestScoped
public class DashboardPage {
  private static final Logger LOG = Logger.getLogger(DashboardPage.class.getName());

  @Inject private SystemHealth health;
  @Inject private DeadLetters deadLetters;
  @Inject private IdentityService identity;
  @Inject private PoolService pools;
  @Inject private UploadLedger uploads;
  @Inject private FileCatalog files;
  @Inject private Grouping groups;
  @Inject private Carts carts;
  @Inject private FunctionCatalog functions;

  private List<HealthView> checks;
  private List<QueueDepth> queues;
  private Counts counts;

  /** The figures of the contexts; a null one could not be read. */
  public record Counts(Long users, Long pools, Long uploadsInFlight, Long storedFiles, Map<String, Long> groups,
      Map<String, Long> carts, Map<String, Long> calls) {}

  public List<HealthView> getChecks() {
    if (checks == null) {
      checks = health.readiness();
    }
    return checks;
  }

  public List<QueueDepth> getQueues() {
    if (queues == null) {
      queues = read("queue depths", deadLetters::depths);
    }
    return queues;
  }

  public Counts getCounts() {
    if (counts == null) {
      counts = new Counts(read("users", identity::countUsers), read("pools", pools::count),
          read("uploads", uploads::countInFlight), read("files", files::countStored),
          read("groups", groups::countByStatus), read("carts", carts::countByStatus),
          read("calls", functions::countCallsByStatus));
    }
    return counts;
  }

  /** The volume check's report (usable and total bytes), or null when it has none. */
  public HealthView getVolume() {
    return getChecks().stream().filter(c -> "volume".equals(c.name()) && c.number("totalBytes") > 0)
        .findFirst().orElse(null);
  }

  /** Percent of the volume in use, 0–100. */
  public int getVolumeUsedPercent() {
    HealthView v = getVolume();
    if (v == null) {
      return 0;
    }
    long total = v.number("totalBytes");
    return (int) Math.round(100.0 * (total - v.number("usableBytes")) / total);
  }

  /** Bytes in a person's units (binary, one decimal). */
  public String bytes(long n) {
    if (n < 0) {
      return "—";
    }
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = n;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return u == 0 ? n + " B" : String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
  }

  private static <T> T read(String what, Supplier<T> figure) {
    try {
      return figure.get();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Dashboard could not read {0}: {1}", new Object[] {what, e.toString()});
      return null;
    }
  }
}
