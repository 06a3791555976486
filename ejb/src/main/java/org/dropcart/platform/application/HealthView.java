package org.dropcart.platform.application;

import java.util.Map;

/** One readiness check as last evaluated: its name, whether it is up, and what it reported. */
public record HealthView(String name, boolean up, Map<String, Object> data) {
  public HealthView {
    data = Map.copyOf(data);
  }

  /** A number the check reported (for example the volume's {@code usableBytes}), or -1. */
  public long number(String key) {
    return data.get(key) instanceof Number n ? n.longValue() : -1;
  }
}
