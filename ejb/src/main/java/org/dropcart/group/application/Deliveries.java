package org.dropcart.group.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.file.application.FileCatalog;
import org.dropcart.file.application.FileView;
import org.dropcart.file.domain.StoredFile;
import org.dropcart.group.domain.Delivery;
import org.dropcart.group.domain.FileGroup;
import org.dropcart.group.domain.GroupRepository;
import org.dropcart.platform.application.Caller;
import org.dropcart.platform.domain.InvalidInputException;
import org.dropcart.platform.domain.NotFoundException;
import org.dropcart.platform.domain.Page;
import org.dropcart.platform.domain.PageRequest;
import org.dropcart.pool.application.PoolService;

/**
 * Sharing a group's result with the whole pool (DESIGN.md §4.4). When a result arrives, every
 * member is owed it (one bulk statement, whatever the pool's size) and every node is told on the
 * result topic, so members connected anywhere get {@code result-ready} at once. A delivery stays
 * pending until its member acknowledges it: it is pushed again on each connect and listed by
 * {@code GET /api/deliveries} until then.
 */
@Stateless
public class Deliveries {
  private static final Logger LOG = Logger.getLogger(Deliveries.class.getName());
  public static final String RESULT_READY = "result-ready";
  private static final int PUSHED_ON_CONNECT = 100;

  @Inject private GroupRepository groups;
  @Inject private FileCatalog files;
  @Inject private PoolService pools;
  @Inject private ResultTopic topic;
  @Inject private Clock clock;

  /** Owes the group's result to its pool and tells every node; in the caller's transaction. */
  public int share(FileGroup group, StoredFile result) {
    int owed = groups.owe(group, result.fileName(), clock.instant());
    topic.publish(group.poolId(), message(group.id(), group.poolId(), result, false));
    LOG.log(Level.INFO, "Result {0} of group {1} is owed to {2} member(s)",
        new Object[] {result.fileName(), group.id(), owed});
    return owed;
  }

  /** Who is to be told of a pool's result: its members (a node's relay asks, once per result). */
  public Set<String> recipients(String poolId) {
    return Set.copyOf(pools.memberUserIds(poolId));
  }

  /** The caller's pending results as {@code result-ready} messages, for a socket that just signed in. */
  public List<JsonObject> pendingMessages(Caller caller) {
    return groups.deliveries(caller.userId(), true, 0, PUSHED_ON_CONNECT).stream()
        .flatMap(d -> files.entry(d.resultFile()).map(f -> message(d.groupId(), d.poolId(), f, true)).stream())
        .toList();
  }

  /** The caller's deliveries: {@code pending} (the default, oldest first) or {@code all} (newest first). */
  public Page<DeliveryView> mine(Caller caller, String state, PageRequest page) {
    boolean pendingOnly = switch (state == null ? "pending" : state.trim().toLowerCase(Locale.ROOT)) {
      case "", "pending" -> true;
      case "all" -> false;
      default -> throw new InvalidInputException("state", "must be pending or all");
    };
    return Page.of(groups.deliveries(caller.userId(), pendingOnly, page.offset(), page.size()).stream()
        .map(this::view).toList(), page, groups.countDeliveries(caller.userId(), pendingOnly));
  }

  /** The caller has the result of this group; acknowledging twice is harmless. */
  public DeliveryView acknowledge(String id, Caller caller) {
    Delivery d = groups.delivery(id, caller.userId())
        .orElseThrow(() -> new NotFoundException("unknown-delivery", "You have no delivery '" + id + "'"));
    d.acknowledge(clock.instant());
    return view(d);
  }

  private DeliveryView view(Delivery d) {
    Optional<StoredFile> f = files.entry(d.resultFile());
    return new DeliveryView(d.groupId(), d.groupId(), d.poolId(), d.resultFile(),
        f.map(StoredFile::displayName).orElse(d.resultFile()), f.map(StoredFile::size).orElse(0L),
        f.map(StoredFile::sha256).orElse(null), FileView.downloadPath(d.resultFile()), d.createdAt(), d.ackedAt());
  }

  private static JsonObject message(String groupId, String poolId, StoredFile f, boolean pending) {
    return Json.createObjectBuilder()
        .add("type", RESULT_READY)
        .add("deliveryId", groupId)
        .add("groupId", groupId)
        .add("poolId", poolId)
        .add("fileName", f.fileName())
        .add("name", f.displayName())
        .add("size", f.size())
        .add("sha256", f.sha256())
        .add("url", FileView.downloadPath(f.fileName()))
        .add("pending", pending)
        .build();
  }
}
