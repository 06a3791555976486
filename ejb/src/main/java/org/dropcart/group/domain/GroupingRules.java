package org.dropcart.group.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.dropcart.pool.domain.GroupingWindow;
import org.dropcart.pool.domain.LatePolicy;
import org.dropcart.pool.domain.Lateness;

/**
 * Which group a stored file belongs to. Its window is the epoch-aligned window its timestamp falls
 * in. That window takes it unless the window was sealed when the file arrived: the file was stored
 * after the window's end plus the pool's lateness, or the window's group is no longer open. A late
 * file follows the pool's policy: {@link LatePolicy#NEXT} puts it in the current open group (the
 * window of {@code now}, or the first one after it whose group is still open), keeping its own
 * timestamp; {@link LatePolicy#REJECT} places it nowhere.
 *
 * @param window the pool's window width
 * @param lateness the pool's grace after a window's end
 * @param policy the pool's policy for late files
 * @param statusOf the status of the pool's group for a window start, if the group exists
 */
public record GroupingRules(
    GroupingWindow window, Lateness lateness, LatePolicy policy, Function<Instant, Optional<GroupStatus>> statusOf) {

  /** Places a file with this timestamp, stored at {@code storedAt}, as of {@code now}. */
  public Placement place(String fileName, String poolId, Instant timestamp, Instant storedAt, long size, Instant now) {
    Instant own = window.startOf(timestamp);
    if (!storedAt.isAfter(sealsAt(own)) && takes(own)) {
      return new Placement(fileName, poolId, own, false, size);
    }
    if (policy == LatePolicy.REJECT) {
      return Placement.rejected(fileName, poolId, size);
    }
    Instant next = window.startOf(now);
    while (!takes(next)) {
      next = next.plus(window.length());
    }
    return new Placement(fileName, poolId, next, !next.equals(own), size);
  }

  /** When the window starting at {@code start} seals. */
  public Instant sealsAt(Instant start) {
    return start.plus(window.length()).plus(lateness.grace());
  }

  public Duration width() {
    return window.length();
  }

  /** A window takes files while its group is open, or before it has one. */
  private boolean takes(Instant start) {
    return statusOf.apply(start).map(s -> s == GroupStatus.OPEN).orElse(true);
  }
}
