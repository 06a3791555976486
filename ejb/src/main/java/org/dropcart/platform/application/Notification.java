package org.dropcart.platform.application;

import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.Set;

/**
 * Something a user is told as it happens (pushed over the WebSocket gateway): a {@code type} such
 * as {@code file-stored}, a JSON payload, and who receives it: the users named, plus every admin
 * when {@code admins} is true.
 */
public record Notification(String type, Set<String> userIds, boolean admins, JsonObject payload) {
  public Notification {
    Objects.requireNonNull(type, "type");
    userIds = Set.copyOf(userIds);
    Objects.requireNonNull(payload, "payload");
  }

  /** Whether a caller receives it. */
  public boolean isFor(Caller caller) {
    return userIds.contains(caller.userId()) || (admins && caller.admin());
  }
}
