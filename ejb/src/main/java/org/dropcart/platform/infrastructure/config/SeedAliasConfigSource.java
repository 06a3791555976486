package org.dropcart.platform.infrastructure.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The environment names of seed 004 (Pacifica cartd) as aliases of Dropcart's keys: {@code
 * VOLUME_PATH} → {@code dropcart.volume.path}, {@code LRU_BUFFER_TIME} → {@code
 * dropcart.carts.lru-buffer-time}, {@code ARCHIVE_INTERFACE_URL} → {@code
 * dropcart.carts.archive-url}, {@code DATABASE_CONNECT_ATTEMPTS} → {@code
 * dropcart.db.connect-attempts}, {@code DATABASE_WAIT} → {@code dropcart.db.connect-wait}, {@code
 * DATABASE_LOGGING} → {@code dropcart.db.logging}. Its ordinal (250) sits below environment variables (300) and system
 * properties (400), so Dropcart's own names win when both are set, and above the defaults file.
 */
public class SeedAliasConfigSource implements org.eclipse.microprofile.config.spi.ConfigSource {
  static final Map<String, String> ALIASES = Map.of(
      "dropcart.volume.path", "VOLUME_PATH",
      "dropcart.carts.lru-buffer-time", "LRU_BUFFER_TIME",
      "dropcart.carts.archive-url", "ARCHIVE_INTERFACE_URL",
      "dropcart.db.connect-attempts", "DATABASE_CONNECT_ATTEMPTS",
      "dropcart.db.connect-wait", "DATABASE_WAIT",
      "dropcart.db.logging", "DATABASE_LOGGING");

  @Override
  public Set<String> getPropertyNames() {
    return getProperties().keySet();
  }

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> values = new HashMap<>();
    ALIASES.forEach((key, env) -> {
      String v = System.getenv(env);
      if (v != null && !v.isBlank()) {
        values.put(key, v);
      }
    });
    return values;
  }

  @Override
  public String getValue(String name) {
    String env = ALIASES.get(name);
    if (env == null) {
      return null;
    }
    String v = System.getenv(env);
    return v == null || v.isBlank() ? null : v;
  }

  @Override
  public String getName() {
    return "dropcart-seed-aliases";
  }

  @Override
  public int getOrdinal() {
    return 250;
  }
}
