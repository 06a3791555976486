package org.dropcart.function.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Wakes whoever waits for a call (a long-poll, a sync invoke) as soon as a worker of this node has
 * recorded its end, instead of at their next look at the database; a call run by another node is
 * still seen by those periodic looks.
 */
@ApplicationScoped
public class CallCompletions {
  private final ConcurrentHashMap<Long, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

  /** Call before reading the call's state, then {@link #await} if it has not ended. */
  public CompletableFuture<Void> watch(long callNum) {
    return waiting.computeIfAbsent(callNum, n -> new CompletableFuture<>());
  }

  /** Waits up to {@code limit} for the end of a watched call; false on timeout. */
  public boolean await(CompletableFuture<Void> watched, Duration limit) throws InterruptedException {
    try {
      watched.get(Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return true;
    }
  }

  /** The call's end is committed: wake its waiters. */
  public void ended(long callNum) {
    CompletableFuture<Void> watched = waiting.remove(callNum);
    if (watched != null) {
      watched.complete(null);
    }
  }
}
