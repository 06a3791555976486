package org.dropcart.registry.interfaces.rest;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.registry.application.ChangeView;
import org.dropcart.registry.application.Registry;
import org.dropcart.registry.application.RegistrySettings;

/**
 * This node's registry watchers (Server-Sent Events). One poller reads the change history that
 * every node writes (so a watcher sees changes made anywhere in a cluster) and sends each change,
 * in revision order, to the watchers whose key or prefix it matches. A watcher that resumes
 * (Last-Event-ID) first gets what it missed from the history, then joins the live feed with no gap
 * and no repeat: both happen under the one lock the poller sends under.
 */
@ApplicationScoped
public class RegistryWatchers {
  private static final Logger LOG = Logger.getLogger(RegistryWatchers.class.getName());
  private static final int BATCH = 1000;
  private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

  @Inject private Registry registry;
  @Inject private RegistrySettings settings;
  @Resource private ManagedScheduledExecutorService scheduler;

  private final Object lock = new Object();
  private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
  private long last = -1;
  private long lastKeepAlive = System.nanoTime();
  private boolean failing;
  private ScheduledFuture<?> poller;

  private record Watcher(SseEventSink sink, Sse sse, Predicate<String> wanted) {}

  /**
   * Starts sending the changes that {@code wanted} keeps to {@code sink}: after revision {@code
   * since} when given (410 {@code history-compacted} if those are gone), else from now.
   */
  public void watch(SseEventSink sink, Sse sse, Predicate<String> wanted, Long since) {
    synchronized (lock) {
      start();
      long from = since == null ? last : since;
      java.util.ArrayList<ChangeView> missed = new java.util.ArrayList<>();
      for (long after = from; after < last; ) {
        List<ChangeView> batch = registry.changes(after, last, BATCH);
        if (batch.isEmpty()) {
          break;
        }
        batch.stream().filter(c -> wanted.test(c.key())).forEach(missed::add);
        after = batch.get(batch.size() - 1).revision();
      }
      Watcher w = new Watcher(sink, sse, wanted);
      send(w, sse.newEventBuilder().name("ready").mediaType(MediaType.APPLICATION_JSON_TYPE)
          .data(String.class, Json.createObjectBuilder().add("revision", last).build().toString()).build());
      for (ChangeView c : missed) {
        send(w, event(sse, c));
      }
      if (!sink.isClosed()) {
        watchers.add(w);
      }
    }
  }

  private void start() {
    if (poller == null) {
      last = registry.revision();
      long every = Math.max(20, settings.pollInterval().toMillis());
      poller = scheduler.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }
  }

  private void poll() {
    synchronized (lock) {
      try {
        for (List<ChangeView> batch = registry.feed(last, BATCH); !batch.isEmpty(); batch = registry.feed(last, BATCH)) {
          for (ChangeView c : batch) {
            for (Watcher w : watchers) {
              if (w.wanted().test(c.key())) {
                send(w, event(w.sse(), c));
              }
            }
            last = c.revision();
          }
        }
        if (failing) {
          LOG.info("Registry watchers: reading changes works again");
          failing = false;
        }
      } catch (RuntimeException e) {
        if (!failing) {
          LOG.log(Level.WARNING, "Registry watchers cannot read changes; retrying: {0}", e.toString());
          failing = true;
        }
      }
      if (System.nanoTime() - lastKeepAlive > KEEP_ALIVE.toNanos()) {
        lastKeepAlive = System.nanoTime();
        for (Watcher w : watchers) {
          send(w, w.sse().newEventBuilder().comment("keep-alive").build());
        }
      }
    }
  }

  private static OutboundSseEvent event(Sse sse, ChangeView c) {
    JsonObjectBuilder data = Json.createObjectBuilder().add("revision", c.revision()).add("key", c.key())
        .add("kind", c.kind()).add("at", c.at().toString());
    if (c.value() != null) {
      data.add("value", c.value());
    }
    return sse.newEventBuilder().id(Long.toString(c.revision())).name(c.kind())
        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(String.class, data.build().toString()).build();
  }

  /** Sends, or forgets a watcher whose client went away. */
  private void send(Watcher w, OutboundSseEvent event) {
    if (w.sink().isClosed()) {
      watchers.remove(w);
      return;
    }
    try {
      w.sink().send(event).whenComplete((done, failed) -> {
        if (failed != null) {
          forget(w);
        }
      });
    } catch (RuntimeException gone) {
      forget(w);
    }
  }

  private void forget(Watcher w) {
    watchers.remove(w);
    try {
      w.sink().close();
    } catch (RuntimeException ignored) {
      // already closed
    }
  }

  @PreDestroy
  void stop() {
    if (poller != null) {
      poller.cancel(false);
    }
    watchers.forEach(w -> w.sink().close());
  }
}
