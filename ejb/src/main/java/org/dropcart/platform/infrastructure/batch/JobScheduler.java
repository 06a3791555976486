package org.dropcart.platform.infrastructure.batch;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.platform.application.BatchJobs;
import org.dropcart.platform.application.JobDefinition;
import org.dropcart.platform.application.NodeName;
import org.dropcart.platform.domain.ConflictException;

/**
 * Starts each known batch job on its configured interval. The timer only starts the job; the job
 * does the work. A tick that finds the previous run still going is skipped, not queued.
 *
 * <p>Once per schedule across a cluster: every node's timer fires on the same epoch-aligned slots
 * (multiples of the interval), and only the node that claims a slot first ({@link ScheduleClaims},
 * in the shared database) starts the job; the others stand aside. A node that is down misses
 * nothing, since any node's timer claims the slot.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class JobScheduler {
  private static final Logger LOG = Logger.getLogger(JobScheduler.class.getName());
  /** Lets the application finish starting before the first scheduled run. */
  private static final Duration FIRST_RUN_DELAY = Duration.ofSeconds(30);
  /** How long claims are kept, for an operator who wants to see which node ran what. */
  private static final Duration CLAIMS_KEPT = Duration.ofDays(7);

  @Resource private TimerService timers;
  @Inject private BatchJobs jobs;
  @Inject private ScheduleClaims claims;
  @Inject private NodeName node;
  @Inject private Clock clock;
  private final Map<String, Duration> intervals = new java.util.concurrent.ConcurrentHashMap<>();

  @PostConstruct
  void schedule() {
    jobs.prepareRepository();
    for (JobDefinition definition : jobs.definitions()) {
      String schedule = jobs.schedule(definition);
      if ("off".equalsIgnoreCase(schedule.trim())) {
        LOG.log(Level.INFO, "Batch job {0} is not scheduled", definition.name());
        continue;
      }
      Duration interval;
      try {
        interval = Duration.parse(schedule.trim());
      } catch (DateTimeParseException e) {
        throw new IllegalStateException(
            definition.intervalKey() + " must be an ISO-8601 duration or 'off', not '" + schedule + "'");
      }
      if (interval.isZero() || interval.isNegative()) {
        throw new IllegalStateException(definition.intervalKey() + " must be positive: " + schedule);
      }
      intervals.put(definition.name(), interval);
      timers.createIntervalTimer(
          firstDelay(clock.millis(), interval), interval.toMillis(), new TimerConfig(definition.name(), false));
      LOG.log(Level.INFO, "Batch job {0} runs every {1}", new Object[] {definition.name(), interval});
    }
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void tick(Timer timer) {
    String name = (String) timer.getInfo();
    try {
      long slot = slotOf(clock.millis(), intervals.get(name));
      String holder = claims.claim(name, slot, node.get(), clock.instant());
      if (!holder.equals(node.get())) {
        LOG.log(Level.FINE, "Node {0} runs {1} this time", new Object[] {holder, name});
        return;
      }
      claims.forget(clock.instant().minus(CLAIMS_KEPT));
      jobs.start(name, new Properties());
    } catch (ConflictException stillRunning) {
      LOG.log(Level.INFO, "Skipped a scheduled run of {0}: the previous one is still running", name);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Scheduled run of " + name + " did not start", e);
    }
  }

  /**
   * Milliseconds from {@code nowMillis} to the job's first slot: the first multiple of the
   * interval (since the epoch) that leaves the application {@link #FIRST_RUN_DELAY}, or one
   * interval when that is shorter, to finish starting.
   */
  static long firstDelay(long nowMillis, Duration interval) {
    long every = interval.toMillis();
    long earliest = nowMillis + Math.min(FIRST_RUN_DELAY.toMillis(), every);
    long first = Math.floorDiv(earliest + every - 1, every) * every;
    return first - nowMillis;
  }

  /** The slot a tick at {@code nowMillis} belongs to: the nearest multiple of the interval (timers run late or early by a little). */
  static long slotOf(long nowMillis, Duration interval) {
    long every = interval.toMillis();
    return Math.floorDiv(nowMillis + every / 2, every) * every;
  }

  /** When each scheduled job runs next. */
  public Map<String, Instant> nextRuns() {
    Map<String, Instant> next = new HashMap<>();
    for (Timer t : timers.getTimers()) {
      if (t.getInfo() instanceof String name) {
        next.put(name, t.getNextTimeout().toInstant());
      }
    }
    return next;
  }
}
