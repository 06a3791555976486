package org.dropcart.registry.application;

import java.time.Instant;
import org.dropcart.registry.domain.RegistryChange;

/** One change as a watcher gets it: {@code kind} put or delete, numbered by its revision. */
public record ChangeView(long revision, String key, String kind, String value, Instant at) {
  static ChangeView of(RegistryChange c) {
    return new ChangeView(c.revision(), c.key(), c.kind().name().toLowerCase(java.util.Locale.ROOT), c.value(),
        c.changedAt());
  }
}
