package org.dropcart.group.application;

import jakarta.json.JsonObject;

/**
 * Tells every node that a pool has a new result, within the caller's transaction; each node pushes
 * it to the pool's members connected to it.
 */
public interface ResultTopic {
  void publish(String poolId, JsonObject resultReady);
}
