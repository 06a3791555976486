package org.dropcart.group.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.dropcart.platform.domain.ConflictException;

/**
 * The files of one pool whose timestamps fall in one window, {@code [windowStart, windowEnd)}. A
 * group takes files while it is {@link GroupStatus#OPEN}; it seals once {@code sealsAt} (the
 * window's end plus the pool's lateness) has passed.
 */
@Entity
@Table(name = "file_groups")
@NamedQuery(name = "FileGroup.ofWindow",
    query = "SELECT g FROM FileGroup g WHERE g.poolId = :pool AND g.windowStart = :start")
@NamedQuery(name = "FileGroup.toSeal",
    query = "SELECT g FROM FileGroup g WHERE g.status = org.dropcart.group.domain.GroupStatus.OPEN"
        + " AND g.sealsAt <= :now ORDER BY g.sealsAt")
@NamedQuery(name = "FileGroup.overdue",
    query = "SELECT g FROM FileGroup g WHERE g.status = org.dropcart.group.domain.GroupStatus.DISPATCHED"
        + " AND g.dispatchedAt <= :before ORDER BY g.dispatchedAt")
@NamedQuery(name = "FileGroup.ofPool",
    query = "SELECT g FROM FileGroup g WHERE g.poolId = :pool ORDER BY g.windowStart DESC")
@NamedQuery(name = "FileGroup.countOfPool", query = "SELECT COUNT(g) FROM FileGroup g WHERE g.poolId = :pool")
@NamedQuery(name = "FileGroup.ofPoolInStatus",
    query = "SELECT g FROM FileGroup g WHERE g.poolId = :pool AND g.status = :status ORDER BY g.windowStart DESC")
@NamedQuery(name = "FileGroup.countOfPoolInStatus",
    query = "SELECT COUNT(g) FROM FileGroup g WHERE g.poolId = :pool AND g.status = :status")
public class FileGroup {
  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "pool_id", nullable = false, length = 36)
  private String poolId;

  @Column(name = "window_start", nullable = false)
  private Instant windowStart;

  @Column(name = "window_end", nullable = false)
  private Instant windowEnd;

  @Column(name = "seals_at", nullable = false)
  private Instant sealsAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 12)
  private GroupStatus status;

  @Column(name = "file_count", nullable = false)
  private long fileCount;

  @Column(name = "bytes", nullable = false)
  private long bytes;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "sealed_at")
  private Instant sealedAt;

  @Column(name = "dispatch_id", length = 36)
  private String dispatchId;

  @Column(name = "dispatch_attempts", nullable = false)
  private int dispatchAttempts;

  @Column(name = "dispatched_at")
  private Instant dispatchedAt;

  @Column(name = "failure", length = 512)
  private String failure;

  @Column(name = "attempt_started_at")
  private Instant attemptStartedAt;

  @Column(name = "result_file", length = 64)
  private String resultFile;

  @Column(name = "done_at")
  private Instant doneAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected FileGroup() {}

  /** An open group for the window that starts at {@code windowStart}. */
  public FileGroup(String poolId, Instant windowStart, Duration window, Duration lateness, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.poolId = Objects.requireNonNull(poolId, "poolId");
    this.windowStart = Objects.requireNonNull(windowStart, "windowStart");
    this.windowEnd = windowStart.plus(window);
    this.sealsAt = windowEnd.plus(lateness);
    this.status = GroupStatus.OPEN;
    this.createdAt = now;
  }

  /** Counts files the grouping job placed in this group. */
  public void took(long files, long size) {
    if (status != GroupStatus.OPEN) {
      throw new ConflictException("group-not-open", "Group " + id + " is " + status + "; it takes no more files");
    }
    fileCount += files;
    bytes += size;
  }

  /**
   * A file of this group was deleted (by an admin): it no longer counts. Only an open group lets a
   * file go; a sealed one's files are fixed, since its processor may have them.
   */
  public void released(long size) {
    if (status != GroupStatus.OPEN) {
      throw new ConflictException("group-fixed", "Group " + id + " is " + status
          + "; its files are fixed once it is sealed, so none of them can be deleted");
    }
    fileCount = Math.max(0, fileCount - 1);
    bytes = Math.max(0, bytes - size);
  }

  /** Seals the group: its files are fixed from now on. */
  public void seal(Instant now) {
    if (status != GroupStatus.OPEN) {
      throw new ConflictException("group-not-open", "Group " + id + " is already " + status);
    }
    status = GroupStatus.SEALED;
    sealedAt = now;
  }

  /**
   * Queues a new dispatch of this group and returns its id: a sealed group, or one dispatched or
   * failed before (sent again). An open group has files still to come, and a done one has its
   * result.
   */
  public String queueDispatch() {
    switch (status) {
      case OPEN -> throw new ConflictException("group-open",
          "Group " + id + " is still open (until " + sealsAt + "); it can be dispatched once sealed");
      case DONE -> throw new ConflictException("group-done", "Group " + id + " is done: it has its result");
      default -> { }
    }
    status = GroupStatus.SEALED;
    dispatchId = UUID.randomUUID().toString();
    dispatchAttempts = 0;
    dispatchedAt = null;
    attemptStartedAt = null;
    failure = null;
    return dispatchId;
  }

  /**
   * Begins an attempt at dispatch {@code dispatch}: true when it may go ahead; false when an
   * earlier attempt of it began and never finished (its node died during the hand-over), so the
   * processor may have the group already.
   */
  public boolean beginAttempt(String dispatch, Instant now) {
    if (!awaits(dispatch)) {
      throw new ConflictException("dispatch-not-current", "Dispatch " + dispatch + " of group " + id + " is over");
    }
    if (attemptStartedAt != null) {
      return false;
    }
    attemptStartedAt = now;
    return true;
  }

  /**
   * An attempt began and its node died before it learnt the answer: the group counts as dispatched
   * (sending it again could make the processor do the work twice); if the processor never got
   * it, the processor timeout fails it and an admin sends it again.
   */
  public void dispatchUnconfirmed(Instant now) {
    status = GroupStatus.DISPATCHED;
    dispatchedAt = now;
    attemptStartedAt = null;
    failure = "unconfirmed: the node stopped while handing the group over; the processor may or may not have it";
  }

  /** Whether {@code dispatch} is this group's current dispatch, still waiting for the processor. */
  public boolean awaits(String dispatch) {
    return status == GroupStatus.SEALED && dispatch != null && dispatch.equals(dispatchId);
  }

  /** The processor took the group. */
  public void dispatched(Instant now) {
    status = GroupStatus.DISPATCHED;
    dispatchedAt = now;
    attemptStartedAt = null;
    dispatchAttempts++;
    failure = null;
  }

  /** An attempt to hand the group over failed; returns the attempts so far. */
  public int attemptFailed(String reason) {
    dispatchAttempts++;
    attemptStartedAt = null;
    failure = clip(reason);
    return dispatchAttempts;
  }

  /**
   * Takes the processor's result, stored as {@code fileName}: the group is {@link GroupStatus#DONE}.
   * A result is taken from a sealed, dispatched or failed group (a late result still counts); a
   * done group takes another only when {@code replace} is said.
   */
  public void done(String fileName, boolean replace, Instant now) {
    if (status == GroupStatus.OPEN) {
      throw new ConflictException("group-open", "Group " + id + " is still open; it has no result yet");
    }
    requireResultAllowed(replace);
    status = GroupStatus.DONE;
    resultFile = Objects.requireNonNull(fileName, "fileName");
    doneAt = now;
    failure = null;
  }

  /** Refuses a second result for a done group unless it is to replace the first. */
  public void requireResultAllowed(boolean replace) {
    if (status == GroupStatus.DONE && !replace) {
      throw new ConflictException("group-done",
          "Group " + id + " already has its result " + resultFile + "; an admin may replace it (?replace=true)");
    }
  }

  /** The group could not be processed: it is {@link GroupStatus#FAILED} for {@code reason}. */
  public void failed(String reason) {
    status = GroupStatus.FAILED;
    failure = clip(reason);
  }

  private static String clip(String reason) {
    return reason == null || reason.length() <= 512 ? reason : reason.substring(0, 509) + "...";
  }

  public boolean isOpen() {
    return status == GroupStatus.OPEN;
  }

  public String id() {
    return id;
  }

  public String poolId() {
    return poolId;
  }

  public Instant windowStart() {
    return windowStart;
  }

  public Instant windowEnd() {
    return windowEnd;
  }

  public Instant sealsAt() {
    return sealsAt;
  }

  public GroupStatus status() {
    return status;
  }

  public long fileCount() {
    return fileCount;
  }

  public long bytes() {
    return bytes;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant sealedAt() {
    return sealedAt;
  }

  public String dispatchId() {
    return dispatchId;
  }

  public int dispatchAttempts() {
    return dispatchAttempts;
  }

  public Instant dispatchedAt() {
    return dispatchedAt;
  }

  public String failure() {
    return failure;
  }

  public String resultFile() {
    return resultFile;
  }

  public Instant doneAt() {
    return doneAt;
  }
}
