package org.dropcart.group.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.dropcart.group.domain.FileGroup;
import org.dropcart.group.domain.GroupRepository;
import org.dropcart.group.domain.GroupStatus;
import org.dropcart.group.domain.GroupedFile;
import org.dropcart.group.domain.Processor;
import org.dropcart.group.domain.Trigger;
import org.dropcart.platform.application.Caller;
import org.dropcart.platform.application.Notification;
import org.dropcart.platform.application.Notifier;
import org.dropcart.platform.domain.ConflictException;
import org.dropcart.platform.domain.Failures;
import org.dropcart.platform.domain.InvalidInputException;
import org.dropcart.platform.domain.UnauthorizedException;
import org.dropcart.pool.application.PoolService;
import org.dropcart.pool.domain.Pool;

/**
 * Hands sealed groups to their pool's processor (DESIGN.md §4.4). A trigger queues a dispatch in
 * the transaction that fired it ({@link DispatchQueue}); a worker then POSTs the group's manifest,
 * signed with the pool secret, and marks the group {@code DISPATCHED} once the processor answers
 * 2xx. A failed attempt is retried with growing delays; the last one leaves the group {@code
 * FAILED} with the reason. A processor that pulls gets the manifests of its sealed groups instead.
 *
 * <p>Each attempt is recorded as begun, in a transaction of its own, before its POST. A node that
 * dies during the hand-over finds the record after its restart and does not send the group again:
 * the group counts as dispatched, unconfirmed, so a processor is never given one dispatch twice;
 * if the processor never got it, the processor timeout fails the group and an admin sends it
 * again. Every attempt of one dispatch carries the same {@code X-Dropcart-Dispatch} id.
 */
@Stateless
public class Dispatcher {
  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
  static final String GROUP_DISPATCHED = "group-dispatched";
  static final String GROUP_FAILED = "group-failed";
  private static final int PULL_LIMIT = 100;
  private static final int SWEEP_LIMIT = 500;

  @Inject private GroupRepository groups;
  @Inject private PoolService pools;
  @Inject private DispatchQueue queue;
  @Inject private DispatchAttempts attempts;
  @Inject private ProcessorClient client;
  @Inject private GroupLinks links;
  @Inject private DispatchSettings settings;
  @Inject private Notifier notifier;
  @Inject private Clock clock;

  /** An admin (or the API) dispatches a group now: sealed, dispatched before, or failed. */
  public GroupView dispatch(String poolId, String groupId, Caller caller) {
    caller.requireAdmin("dispatch groups");
    pools.requireAccess(poolId, caller);
    FileGroup g = groups.inPool(poolId, groupId);
    Processor p = groups.processor(poolId).orElseThrow(() -> new ConflictException("no-processor",
        "Pool " + poolId + " has no processor to dispatch to"));
    if (p.trigger().kind() == Trigger.Kind.PULL) {
      throw new ConflictException("processor-pulls", "This pool's processor pulls its groups; nothing is sent to it");
    }
    queue(g);
    return GroupView.of(g);
  }

  /** Queues a dispatch of the group, in the caller's transaction (a trigger fired). */
  public void queue(FileGroup g) {
    String dispatchId = g.queueDispatch();
    queue.enqueue(g.id(), dispatchId, Duration.ZERO);
    LOG.log(Level.INFO, "Group {0} of pool {1} queued for its processor (dispatch {2})",
        new Object[] {g.id(), g.poolId(), dispatchId});
  }

  /**
   * One attempt at dispatch {@code dispatchId} (a worker calls this). A dispatch that is no longer
   * the group's current one, or whose group was taken meanwhile, is dropped.
   */
  public void attempt(String groupId, String dispatchId) {
    // Committed before the POST: a node that dies during the hand-over must not send it again.
    DispatchAttempts.Begun begun = attempts.begin(groupId, dispatchId);
    FileGroup g = groups.find(groupId).orElse(null);
    if (begun == DispatchAttempts.Begun.OVER || g == null || !g.awaits(dispatchId)) {
      LOG.log(Level.FINE, "Dispatch {0} of group {1} is no longer current; dropped", new Object[] {dispatchId, groupId});
      return;
    }
    if (begun == DispatchAttempts.Begun.UNFINISHED) {
      g.dispatchUnconfirmed(clock.instant());
      LOG.log(Level.WARNING, "Group {0}: {1}", new Object[] {g.id(), g.failure()});
      tell(GROUP_DISPATCHED, g);
      return;
    }
    Processor p = groups.processor(g.poolId()).orElse(null);
    if (p == null || p.trigger().kind() == Trigger.Kind.PULL) {
      fail(g, "the pool has no processor to send to any more");
      return;
    }
    String failure;
    try {
      byte[] body = manifest(g, dispatchId).toString().getBytes(StandardCharsets.UTF_8);
      int status = client.post(p.url(), body, Map.of(
          "Content-Type", "application/json",
          "X-Dropcart-Signature", "sha256=" + hmac(p.secret(), body),
          "X-Dropcart-Dispatch", dispatchId,
          "X-Dropcart-Group", g.id()));
      if (status / 100 == 2) {
        // A quick processor's result may have come in while the POST was answered.
        groups.lockFresh(g);
        if (g.status() == GroupStatus.DONE) {
          LOG.log(Level.INFO, "Group {0} went to its processor {1}, whose result is already in",
              new Object[] {g.id(), p.url()});
          return;
        }
        g.dispatched(clock.instant());
        LOG.log(Level.INFO, "Group {0} went to its processor {1} (attempt {2})",
            new Object[] {g.id(), p.url(), g.dispatchAttempts()});
        tell(GROUP_DISPATCHED, g);
        return;
      }
      failure = "the processor answered HTTP " + status;
    } catch (IOException e) {
      failure = "the processor could not be reached: " + Failures.describe(e);
    } catch (GroupLinks.NoAddressException e) {
      failure = e.getMessage();
    }
    int attempts = g.attemptFailed(failure);
    if (attempts >= settings.attempts()) {
      fail(g, failure + " (after " + attempts + " attempts)");
    } else {
      Duration delay = settings.retryDelay(attempts);
      LOG.log(Level.WARNING, "Dispatch of group {0}: attempt {1} of {2} failed ({3}); next in {4}",
          new Object[] {g.id(), attempts, settings.attempts(), failure, delay});
      queue.enqueue(g.id(), dispatchId, delay);
    }
  }

  private void fail(FileGroup g, String reason) {
    g.failed(reason);
    LOG.log(Level.WARNING, "Group {0} of pool {1} FAILED: {2}", new Object[] {g.id(), g.poolId(), reason});
    tell(GROUP_FAILED, g);
  }

  /**
   * A pulling processor takes its pool's sealed groups: their manifests, and each becomes {@code
   * DISPATCHED}. The pool id and the pool secret are its credentials.
   */
  public List<JsonObject> pull(String poolId, String secret, String status) {
    Processor p = groups.processor(poolId == null ? "" : poolId)
        .filter(x -> x.trigger().kind() == Trigger.Kind.PULL && constantTimeEquals(x.secret(), secret))
        .orElseThrow(() -> new UnauthorizedException("bad-processor-credentials",
            "Pool id and secret of a pool whose processor pulls are required"));
    if (status != null && !status.isBlank() && GroupStatus.parse(status) != GroupStatus.SEALED) {
      throw new InvalidInputException("status", "a processor pulls SEALED groups only");
    }
    List<JsonObject> manifests = new ArrayList<>();
    for (FileGroup g : groups.inStatus(p.poolId(), GroupStatus.SEALED, PULL_LIMIT)) {
      String dispatchId = g.queueDispatch();
      manifests.add(manifest(g, dispatchId));
      g.dispatched(clock.instant());
      tell(GROUP_DISPATCHED, g);
    }
    return manifests;
  }

  /** Fails every group whose processor has had it longer than {@code dropcart.processor.timeout}. */
  public int failOverdue() {
    Duration timeout = settings.timeout();
    List<FileGroup> overdue = groups.overdue(clock.instant().minus(timeout), SWEEP_LIMIT);
    for (FileGroup g : overdue) {
      fail(g, "the processor sent no result within " + timeout + " (a late result is still taken)");
    }
    return overdue.size();
  }

  /** What the processor gets: the group, each file with a signed link, the bundle and the callback. */
  JsonObject manifest(FileGroup g, String dispatchId) {
    Pool pool = pools.find(g.poolId()).orElseThrow();
    JsonArrayBuilder files = Json.createArrayBuilder();
    for (GroupedFile f : groups.filesOf(g.id(), 0, Integer.MAX_VALUE)) {
      files.add(Json.createObjectBuilder()
          .add("fileName", f.fileName())
          .add("name", f.name())
          .add("clientId", f.clientId())
          .add("size", f.size())
          .add("sha256", f.sha256())
          .add("timestamp", f.timestamp().toString())
          .add("url", links.file(g, f.fileName()).toString()));
    }
    Instant now = clock.instant();
    return Json.createObjectBuilder()
        .add("groupId", g.id())
        .add("dispatchId", dispatchId)
        .add("pool", Json.createObjectBuilder().add("id", pool.id()).add("name", pool.name().value()))
        .add("window", Json.createObjectBuilder().add("start", g.windowStart().toString())
            .add("end", g.windowEnd().toString()))
        .add("files", files)
        .add("bytes", g.bytes())
        .add("bundleUrl", links.bundle(g).toString())
        .add("callbackUrl", links.callback(g).toString())
        .add("resultUploadUrl", links.resultUpload(g).toString())
        .add("linksExpireAt", now.plus(settings.linkTtl()).toString())
        .add("callbackExpiresAt", now.plus(settings.callbackTtl()).toString())
        .build();
  }

  private void tell(String type, FileGroup g) {
    var payload = Json.createObjectBuilder().add("groupId", g.id()).add("poolId", g.poolId())
        .add("status", g.status().name()).add("attempts", g.dispatchAttempts());
    if (g.failure() != null) {
      payload.add("failure", g.failure());
    }
    notifier.publish(new Notification(type, Set.of(), true, payload.build()));
  }

  /** HMAC-SHA256 of the body under the pool secret, in hex: the {@code X-Dropcart-Signature}. */
  static String hmac(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean constantTimeEquals(String a, String b) {
    return a != null && b != null
        && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
