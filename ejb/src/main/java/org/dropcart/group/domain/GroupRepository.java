package org.dropcart.group.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where groups and the files' places in them are kept. */
public interface GroupRepository {
  Optional<FileGroup> find(String groupId);

  /** The pool's group, or 404 {@code unknown-group} (a group of another pool included). */
  default FileGroup inPool(String poolId, String groupId) {
    return find(groupId).filter(g -> g.poolId().equals(poolId))
        .orElseThrow(() -> unknown("Pool " + poolId + " has no group '" + groupId + "'"));
  }

  /** The group, whatever its pool, or 404 {@code unknown-group}. */
  default FileGroup require(String groupId) {
    return find(groupId).orElseThrow(() -> unknown("No group '" + groupId + "'"));
  }

  private static org.dropcart.platform.domain.NotFoundException unknown(String detail) {
    return new org.dropcart.platform.domain.NotFoundException("unknown-group", detail);
  }

  /**
   * Reads the group again and locks its row until the transaction ends. The dispatcher and a
   * processor's result both write the group after a wait (the processor's answer, the result's
   * bytes); each takes this lock first, so neither overwrites the other with a stale copy, on any
   * node.
   */
  void lockFresh(FileGroup group);

  Optional<FileGroup> ofWindow(String poolId, Instant windowStart);

  void store(FileGroup group);

  /** Open groups whose window sealed at or before {@code now}, soonest first. */
  List<FileGroup> toSeal(Instant now, int limit);

  /** A pool's groups, newest window first; {@code status} null for all. */
  List<FileGroup> ofPool(String poolId, GroupStatus status, int offset, int limit);

  long countOfPool(String poolId, GroupStatus status);

  Optional<GroupedFile> file(String fileName);

  void store(GroupedFile file);

  void remove(GroupedFile file);

  /** The group whose current result is the named file, if any. */
  Optional<FileGroup> withResult(String fileName);

  /**
   * A page of groups across pools for an admin's listing: sortable by {@code windowStart}, {@code
   * windowEnd}, {@code status}, {@code files}, {@code bytes}, {@code dispatchAttempts}, {@code
   * poolId}; filters {@code status} and {@code poolId}.
   */
  org.dropcart.platform.domain.Page<FileGroup> list(org.dropcart.platform.domain.Listing listing);

  /**
   * The first {@code limit} pending files by pool, timestamp and name, after {@code after} in that
   * order (null: from the start).
   */
  List<PendingFile> pending(PendingFile after, int limit);

  /**
   * Puts those of the named files that are still pending into the group; returns how many it
   * moved. A file already placed is left where it is.
   */
  int assign(Collection<String> fileNames, String groupId, boolean late);

  /** Marks those of the named files that are still pending as rejected (late); how many it moved. */
  int reject(Collection<String> fileNames);

  /** Total size of the named files now in the group. */
  long bytesIn(String groupId, Collection<String> fileNames);

  /** A group's files in timestamp order. */
  List<GroupedFile> filesOf(String groupId, int offset, int limit);

  /** The named files' places (those that have one). */
  List<GroupedFile> named(Collection<String> fileNames);

  /** The pool's processor, if it has one. */
  Optional<Processor> processor(String poolId);

  void store(Processor processor);

  /** The processors of those of the pools that have one. */
  List<Processor> processors(Collection<String> poolIds);

  void remove(Processor processor);

  /** Groups a processor took at or before {@code before} and has not answered for, oldest first. */
  List<FileGroup> overdue(Instant before, int limit);

  /** A pool's groups in a status, oldest window first. */
  List<FileGroup> inStatus(String poolId, GroupStatus status, int limit);

  /**
   * Owes the group's result to every member of its pool, in bulk: a pending delivery per member,
   * and a pending one again for members who had acknowledged an earlier result of the group.
   * Returns how many deliveries are now pending for the group.
   */
  int owe(FileGroup group, String resultFile, Instant now);

  Optional<Delivery> delivery(String groupId, String userId);

  /** A member's deliveries, oldest pending first, or all newest first. */
  List<Delivery> deliveries(String userId, boolean pendingOnly, int offset, int limit);

  long countDeliveries(String userId, boolean pendingOnly);

  /** How many groups in each status (every status present), by status name, for the console dashboard. */
  java.util.Map<String, Long> countByStatus();
}
