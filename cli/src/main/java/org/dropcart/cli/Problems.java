package org.dropcart.cli;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an error answer into one line for a person: an RFC 9457 problem body ({@code title},
 * {@code detail}, {@code type}, {@code errors}), cartd's body ({@code status}, {@code message}), or
 * plain text. Never more than one line, never a stack trace.
 */
public final class Problems {
  private static final int MAX = 300;

  private Problems() {}

  public static String oneLine(int status, String body) {
    String prefix = "HTTP " + status;
    JsonObject o = parse(body);
    if (o == null) {
      String text = body == null ? "" : body.strip();
      return text.isEmpty() ? prefix + " " + reason(status) : clip(prefix + ": " + firstLine(text));
    }
    if (o.containsKey("title") || o.containsKey("detail") || o.containsKey("type")) {
      StringBuilder line = new StringBuilder(prefix).append(' ').append(text(o, "title", reason(status)));
      String detail = text(o, "detail", null);
      if (detail != null) {
        line.append(": ").append(detail);
      }
      List<String> fields = new ArrayList<>();
      if (o.get("errors") instanceof jakarta.json.JsonArray errors) {
        for (JsonValue e : errors) {
          if (e instanceof JsonObject err) {
            fields.add(text(err, "field", "?") + " " + text(err, "message", ""));
          }
        }
      }
      if (!fields.isEmpty()) {
        line.append(" (").append(String.join("; ", fields)).append(')');
      }
      String type = text(o, "type", null);
      if (type != null) {
        line.append(" [").append(type.replace("urn:dropcart:problem:", "")).append(']');
      }
      return clip(firstLine(line.toString()));
    }
    if (o.containsKey("message")) {
      // cartd's error body: {"status":"404 Not Found","message":…,"traceback":"","version":…}
      String s = text(o, "status", status + " " + reason(status));
      return clip(firstLine("HTTP " + s + ": " + text(o, "message", "")));
    }
    return clip(prefix + ": " + firstLine(o.toString()));
  }

  private static JsonObject parse(String body) {
    if (body == null || !body.stripLeading().startsWith("{")) {
      return null;
    }
    try {
      return Json.createReader(new StringReader(body)).readObject();
    } catch (JsonException | IllegalStateException e) {
      return null;
    }
  }

  private static String text(JsonObject o, String key, String fallback) {
    JsonValue v = o.get(key);
    if (v instanceof JsonString s) {
      return s.getString();
    }
    return v == null || v.getValueType() == JsonValue.ValueType.NULL ? fallback : v.toString();
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).replace('\r', ' ').strip();
  }

  private static String clip(String s) {
    return s.length() <= MAX ? s : s.substring(0, MAX - 1) + "…";
  }

  static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 409 -> "Conflict";
      case 410 -> "Gone";
      case 412 -> "Precondition Failed";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 423 -> "Locked";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "";
    };
  }
}
