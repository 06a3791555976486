package org.dropcart.group.domain;

import java.time.Instant;

/**
 * Where the grouping job puts one pending file: in the group of the window starting at {@code
 * windowStart} ({@code late} when that is not the file's own window), or nowhere ({@code
 * windowStart} null: rejected as late).
 */
public record Placement(String fileName, String poolId, Instant windowStart, boolean late, long size) {
  public static Placement rejected(String fileName, String poolId, long size) {
    return new Placement(fileName, poolId, null, true, size);
  }

  public boolean isRejected() {
    return windowStart == null;
  }
}
