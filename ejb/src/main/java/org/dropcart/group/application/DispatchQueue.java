package org.dropcart.group.application;

import java.time.Duration;

/** Carries dispatches of groups to the dispatch workers, within the caller's transaction. */
public interface DispatchQueue {
  /** Queues an attempt at dispatch {@code dispatchId} of the group, after {@code delay}. */
  void enqueue(String groupId, String dispatchId, Duration delay);
}
