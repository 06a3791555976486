package org.dropcart.group.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.dropcart.file.application.FilePlace;
import org.dropcart.group.domain.FileGroup;
import org.dropcart.group.domain.GroupRepository;
import org.dropcart.group.domain.GroupStatus;
import org.dropcart.group.domain.GroupedFile;
import org.dropcart.group.domain.GroupingRules;
import org.dropcart.group.domain.PendingFile;
import org.dropcart.group.domain.Placement;
import org.dropcart.group.domain.Processor;
import org.dropcart.group.domain.Trigger;
import org.dropcart.platform.application.Caller;
import org.dropcart.platform.application.Notification;
import org.dropcart.platform.application.Notifier;
import org.dropcart.platform.domain.NotFoundException;
import org.dropcart.platform.domain.ConflictException;
import org.dropcart.platform.domain.Listing;
import org.dropcart.platform.domain.Page;
import org.dropcart.platform.domain.PageRequest;
import org.dropcart.pool.application.PoolService;
import org.dropcart.pool.domain.Pool;

/**
 * Timestamp grouping (DESIGN.md §4.4): every stored file waits here until the {@code
 * timestamp-grouping} job places it in its pool's group for its window ({@link GroupingRules}),
 * and the job seals the windows whose time is up. Placing is idempotent: a file moves out of
 * pending exactly once, so a job restarted after a crash never puts a file in two groups.
 */
@Stateless
public class Grouping {
  private static final Logger LOG = Logger.getLogger(Grouping.class.getName());
  static final String FILE_LATE = "file-late";
  static final String GROUP_SEALED = "group-sealed";
  private static final int SEAL_BATCH = 200;

  @Inject private GroupRepository groups;
  @Inject private PoolService pools;
  @Inject private Notifier notifier;
  @Inject private Dispatcher dispatcher;
  @Inject private GroupLinks links;
  @Inject private Clock clock;

  /** A file the store pipeline has stored waits for the grouping job (once, however often called). */
  public void enlist(String fileName, String poolId, String ownerId, String clientId, String name,
      Instant timestamp, long size, String sha256) {
    if (groups.file(fileName).isEmpty()) {
      groups.store(new GroupedFile(fileName, poolId, ownerId, clientId, name, timestamp, clock.instant(), size,
          sha256));
    }
  }

  /** The first {@code limit} files waiting to be placed by pool, timestamp and name, after {@code after} (or from the start). */
  public List<PendingFile> pending(PendingFile after, int limit) {
    return groups.pending(after, limit);
  }

  /**
   * The rules of a pool as they stand now. Group statuses are read once per window and remembered
   * by the returned rules, so keep them for one run of the job only.
   */
  public GroupingRules rules(String poolId) {
    Pool pool = pools.find(poolId).orElseThrow(() -> new NotFoundException("unknown-pool", "No pool " + poolId));
    Map<Instant, Optional<GroupStatus>> known = new HashMap<>();
    return new GroupingRules(pool.groupingWindow(), pool.lateness(), pool.latePolicy(),
        start -> known.computeIfAbsent(start, s -> groups.ofWindow(poolId, s).map(FileGroup::status)));
  }

  /** What one write of placements did. */
  public record Placed(int grouped, int rejected, int groupsMade, int leftPending) {}

  /**
   * Carries out placements: each file moves from pending into its window's group (made if need
   * be) or is rejected, and the groups' counts follow. A file no longer pending is left alone.
   */
  public Placed place(List<Placement> placements) {
    Instant now = clock.instant();
    int grouped = 0;
    int made = 0;
    int left = 0;
    Map<Target, List<Placement>> byTarget = placements.stream().filter(p -> !p.isRejected())
        .collect(Collectors.groupingBy(p -> new Target(p.poolId(), p.windowStart(), p.late()), LinkedHashMap::new,
            Collectors.toList()));
    Map<String, Pool> poolsById = new HashMap<>();
    Map<String, Optional<Processor>> processors = new HashMap<>();
    for (Map.Entry<Target, List<Placement>> e : byTarget.entrySet()) {
      Target t = e.getKey();
      Pool pool = poolsById.computeIfAbsent(t.poolId(), id -> pools.find(id).orElseThrow());
      Optional<FileGroup> existing = groups.ofWindow(t.poolId(), t.windowStart());
      if (existing.isPresent() && !existing.get().isOpen()) {
        // Sealed after the processor placed these (count:N, earlier in this run): they stay
        // pending, and the next run places them by the pool's rules as they stand then.
        left += e.getValue().size();
        continue;
      }
      FileGroup group = existing.orElseGet(() -> new FileGroup(t.poolId(), t.windowStart(),
          pool.groupingWindow().length(), pool.lateness().grace(), now));
      if (existing.isEmpty()) {
        groups.store(group);
        made++;
      }
      List<String> names = e.getValue().stream().map(Placement::fileName).toList();
      int moved = groups.assign(names, group.id(), t.late());
      long bytes = moved == names.size()
          ? e.getValue().stream().mapToLong(Placement::size).sum()
          : groups.bytesIn(group.id(), names);
      group.took(moved, bytes);
      grouped += moved;
      Optional<Processor> processor = processors.computeIfAbsent(t.poolId(), groups::processor);
      if (processor.isPresent() && processor.get().trigger().dueAt(group.fileCount())) {
        // count:N: the group is complete at N files; it seals now and goes to the processor.
        seal(group, now);
        dispatcher.queue(group);
      }
    }
    List<String> rejected = placements.stream().filter(Placement::isRejected).map(Placement::fileName).toList();
    int refused = rejected.isEmpty() ? 0 : groups.reject(rejected);
    if (refused > 0) {
      tellLate(rejected);
    }
    return new Placed(grouped, refused, made, left);
  }

  private void tellLate(List<String> rejected) {
    for (GroupedFile f : groups.named(rejected)) {
      if (f.state() != GroupedFile.State.REJECTED) {
        continue;
      }
      LOG.log(Level.INFO, "File {0} of pool {1} came late for a sealed window; the pool rejects late files",
          new Object[] {f.fileName(), f.poolId()});
      notifier.publish(new Notification(FILE_LATE, f.ownerId() == null ? Set.of() : Set.of(f.ownerId()), true,
          Json.createObjectBuilder()
              .add("fileName", f.fileName())
              .add("name", f.name())
              .add("poolId", f.poolId())
              .add("timestamp", f.timestamp().toString())
              .add("grouping", "rejected")
              .add("reason", "late: its window was sealed when it arrived, and the pool rejects late files")
              .build()));
    }
  }

  /** Seals every open group whose window's time is up; returns the groups it sealed. */
  public List<GroupView> sealDue() {
    Instant now = clock.instant();
    List<FileGroup> due = groups.toSeal(now, SEAL_BATCH);
    Map<String, Optional<Processor>> processors = new HashMap<>();
    for (FileGroup g : due) {
      seal(g, now);
      Optional<Processor> processor = processors.computeIfAbsent(g.poolId(), groups::processor);
      if (processor.isPresent() && processor.get().trigger().kind() == Trigger.Kind.ON_SEAL) {
        dispatcher.queue(g);
      }
    }
    return due.stream().map(GroupView::of).toList();
  }

  private void seal(FileGroup g, Instant now) {
    g.seal(now);
    notifier.publish(new Notification(GROUP_SEALED, Set.of(), true, Json.createObjectBuilder()
        .add("groupId", g.id())
        .add("poolId", g.poolId())
        .add("windowStart", g.windowStart().toString())
        .add("files", g.fileCount())
        .build()));
  }

  /** A pool's groups, newest window first (members and admins); {@code status} optional. */
  public Page<GroupView> ofPool(String poolId, String status, Caller caller, PageRequest page) {
    pools.requireAccess(poolId, caller);
    GroupStatus s = status == null || status.isBlank() ? null : GroupStatus.parse(status);
    return Page.of(groups.ofPool(poolId, s, page.offset(), page.size()), page, groups.countOfPool(poolId, s))
        .map(GroupView::of);
  }

  /** One group of a pool with a page of its files (members and admins). */
  public GroupDetail group(String poolId, String groupId, Caller caller, PageRequest page) {
    pools.requireAccess(poolId, caller);
    FileGroup group = groups.inPool(poolId, groupId);
    return new GroupDetail(GroupView.of(group), Page.of(groups.filesOf(groupId, page.offset(), page.size()), page,
        group.fileCount()).map(GroupFileView::of));
  }

  /** The group's file names in timestamp order, for the holder of its bundle link. */
  public List<String> bundle(String poolId, String groupId, String token) {
    links.requireBundle(groupId, token);
    FileGroup group = groups.inPool(poolId, groupId);
    return groups.filesOf(group.id(), 0, Integer.MAX_VALUE).stream().map(GroupedFile::fileName).toList();
  }

  /** Refuses the holder of a file link unless the link is good and the file is in the group. */
  public void requireLinkedFile(String poolId, String groupId, String fileName, String token) {
    links.requireFile(groupId, fileName, token);
    FileGroup group = groups.inPool(poolId, groupId);
    groups.file(fileName).filter(f -> group.id().equals(f.groupId()))
        .orElseThrow(() -> new NotFoundException("unknown-file", "Group " + groupId + " has no file '" + fileName + "'"));
  }


  /** Every pool's groups for an admin's listing: see {@link GroupRepository#list}. */
  public Page<GroupView> list(Listing listing, Caller caller) {
    caller.requireAdmin("list every pool's groups");
    return groups.list(listing).map(GroupView::of);
  }

  /**
   * Forgets a stored file that is being deleted: a pending or rejected file simply leaves, a file
   * of an open group leaves that group (which no longer counts it). Refused for a file of a sealed
   * group (its files are fixed) and for a group's current result (shared to the pool's members).
   */
  public void release(String fileName) {
    groups.withResult(fileName).ifPresent(g -> {
      throw new ConflictException("group-result", "File " + fileName + " is the result of group " + g.id()
          + "; it is shared to the pool's members and cannot be deleted");
    });
    groups.file(fileName).ifPresent(f -> {
      if (f.state() == GroupedFile.State.GROUPED) {
        groups.require(f.groupId()).released(f.size());
      }
      groups.remove(f);
    });
  }

  /** Where each of the named files stands in grouping (files never stored have no place). */
  public Map<String, FilePlace> placesOf(Collection<String> fileNames) {
    return groups.named(fileNames).stream().collect(Collectors.toMap(GroupedFile::fileName,
        f -> new FilePlace(f.state().name().toLowerCase(Locale.ROOT), f.groupId(), f.late())));
  }

  private record Target(String poolId, Instant windowStart, boolean late) {}

  /** How many groups are in each status, across pools (the console dashboard). */
  public java.util.Map<String, Long> countByStatus() {
    return groups.countByStatus();
  }
}
