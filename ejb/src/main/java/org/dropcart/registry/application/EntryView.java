package org.dropcart.registry.application;

import java.time.Instant;
import org.dropcart.registry.domain.RegistryEntry;

/** A key as the API shows it: {@code version} is the revision that last wrote it (compare-and-set compares it). */
public record EntryView(String key, String value, long version, long createRevision, Instant expiresAt,
    Instant updatedAt, String updatedBy) {
  static EntryView of(RegistryEntry e) {
    return new EntryView(e.key(), e.value(), e.modRevision(), e.createRevision(), e.expiresAt(), e.updatedAt(),
        e.updatedBy());
  }
}
