package org.dropcart.pool.application;

import java.time.Instant;
import org.dropcart.pool.domain.Pool;

/** A pool as callers see it. */
public record PoolView(String id, String name, String groupingWindow, String lateness, String latePolicy,
    long members, Instant createdAt) {
  static PoolView of(Pool pool, long members) {
    return new PoolView(pool.id(), pool.name().value(), pool.groupingWindow().toString(),
        pool.lateness().toString(), pool.latePolicy().wire(), members, pool.createdAt());
  }
}
