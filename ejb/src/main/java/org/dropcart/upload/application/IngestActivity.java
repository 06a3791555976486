package org.dropcart.upload.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether this node is receiving upload bytes right now. A client's upload is acknowledged once its
 * bytes are forced to the volume; storing them in the file store afterwards writes them a second
 * time, on the same disk and cores. So the store pipeline steps aside while bytes are arriving, for
 * a bounded time ({@code dropcart.upload.store-defer}): a burst of uploads gets the node whole, and
 * the pipeline catches up as soon as it ends, or when its deadline passes, whichever comes first.
 */
@ApplicationScoped
public class IngestActivity {
  /** A gap shorter than this between two appends (a client opening its next upload) is not a pause. */
  static final Duration QUIET = Duration.ofMillis(250);
  private static final long STEP_MILLIS = 50;

  private final AtomicInteger receiving = new AtomicInteger();
  private final AtomicLong lastEnded = new AtomicLong(System.nanoTime() - QUIET.toNanos());

  /** Runs {@code append} counted as receiving bytes. */
  public <T, E extends Exception> T receiving(Work<T, E> append) throws E {
    receiving.incrementAndGet();
    try {
      return append.run();
    } finally {
      lastEnded.set(System.nanoTime());
      receiving.decrementAndGet();
    }
  }

  /** Bytes are arriving, or stopped arriving less than {@link #QUIET} ago. */
  public boolean busy() {
    return receiving.get() > 0 || System.nanoTime() - lastEnded.get() < QUIET.toNanos();
  }

  /**
   * Waits while this node is {@link #busy()}, but not past {@code deadline}; returns how long it
   * waited. An interrupt ends the wait early (and stays set).
   */
  public Duration stepAside(Instant deadline) {
    long start = System.nanoTime();
    while (busy() && Instant.now().isBefore(deadline)) {
      try {
        Thread.sleep(Math.max(1, Math.min(STEP_MILLIS, Duration.between(Instant.now(), deadline).toMillis())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** Work that may throw a checked exception. */
  @FunctionalInterface
  public interface Work<T, E extends Exception> {
    T run() throws E;
  }
}
