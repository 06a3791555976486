package org.dropcart.group.application;

import java.time.Instant;
import org.dropcart.group.domain.FileGroup;

/**
 * A group as callers see it; {@code failure} says why its last dispatch attempt (or the group)
 * failed, and {@code resultFile} names the processor's result once it is {@code DONE}.
 */
public record GroupView(
    String id,
    String poolId,
    Instant windowStart,
    Instant windowEnd,
    Instant sealsAt,
    String status,
    long files,
    long bytes,
    Instant createdAt,
    Instant sealedAt,
    Instant dispatchedAt,
    int dispatchAttempts,
    String failure,
    String resultFile,
    Instant doneAt) {
  static GroupView of(FileGroup g) {
    return new GroupView(g.id(), g.poolId(), g.windowStart(), g.windowEnd(), g.sealsAt(), g.status().name(),
        g.fileCount(), g.bytes(), g.createdAt(), g.sealedAt(), g.dispatchedAt(), g.dispatchAttempts(), g.failure(),
        g.resultFile(), g.doneAt());
  }
}
