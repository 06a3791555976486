package org.dropcart.platform.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Seed 001's request logging: exactly one line per request, on logger {@code dropcart.access} —
 * method, path, status, duration, user, request id and, for a refused request, the problem kind.
 * Plain {@code key=value} text by default; one JSON object per line when {@code dropcart.log.json}
 * is true. Query strings are left out: they may carry tokens or signatures.
 */
public final class AccessLog {
  private static final Logger LOG = Logger.getLogger("dropcart.access");

  private AccessLog() {}

  public record Entry(
      String method, String path, int status, long millis, String user, String requestId, String problem) {}

  public static void write(Entry e, boolean json) {
    if (!LOG.isLoggable(Level.INFO)) {
      return;
    }
    LOG.info(json ? asJson(e) : asText(e));
  }

  static String asText(Entry e) {
    StringBuilder line =
        new StringBuilder()
            .append(e.method()).append(' ').append(e.path())
            .append(" status=").append(e.status())
            .append(" ms=").append(e.millis())
            .append(" user=").append(e.user() == null ? "-" : e.user())
            .append(" requestId=").append(e.requestId());
    if (e.problem() != null) {
      line.append(" problem=").append(e.problem());
    }
    return line.toString();
  }

  static String asJson(Entry e) {
    JsonObjectBuilder line =
        Json.createObjectBuilder()
            .add("method", e.method())
            .add("path", e.path())
            .add("status", e.status())
            .add("ms", e.millis())
            .add("requestId", e.requestId());
    if (e.user() != null) {
      line.add("user", e.user());
    }
    if (e.problem() != null) {
      line.add("problem", e.problem());
    }
    return line.build().toString();
  }
}
