package org.dropcart.registry.application;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Something that announces itself in the registry under a lease: a node's FaaS workers
 * ({@code faas/workers/{node}}, written by Dropcart) or an external processor
 * ({@code processors/{name}}, written by the processor with a service token). {@code details} are
 * the fields of its value when that is a JSON object (capacity, pool, policy, …), else the value
 * as {@code value}.
 */
public record PresenceView(String kind, String name, String key, Map<String, String> details, Instant expiresAt,
    Instant updatedAt) {
  /** Where a node's FaaS workers announce themselves. */
  public static final String WORKERS = "faas/workers/";
  /** Where external processors announce themselves. */
  public static final String PROCESSORS = "processors/";
  /** The prefixes in the order the console lists them. */
  static final List<String> PREFIXES = List.of(WORKERS, PROCESSORS);
  private static final Map<String, String> KINDS = Map.of(WORKERS, "FaaS workers", PROCESSORS, "processor");

  static PresenceView of(String prefix, EntryView e) {
    return new PresenceView(KINDS.get(prefix), e.key().substring(prefix.length()), e.key(), details(e.value()),
        e.expiresAt(), e.updatedAt());
  }

  /** The details as one line: {@code capacity 4 · pool p1}. */
  public String summary() {
    StringBuilder s = new StringBuilder();
    details.forEach((k, v) -> s.append(s.length() == 0 ? "" : " · ").append(k).append(' ').append(v));
    return s.toString();
  }

  private static Map<String, String> details(String value) {
    Map<String, String> out = new LinkedHashMap<>();
    try {
      JsonObject o = Json.createReader(new StringReader(value)).readObject();
      o.forEach((k, v) -> out.put(k, v.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) v).getString()
          : v.toString()));
    } catch (JsonException | IllegalStateException notAnObject) {
      out.put("value", value);
    }
    return out;
  }
}
