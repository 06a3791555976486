package org.dropcart.platform.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Points in time as clients write them: ISO-8601 with an offset, or epoch milliseconds. */
public final class Timestamps {
  private Timestamps() {}

  /** Parses {@code text}; a bad one is an {@link InvalidInputException} naming {@code field}. */
  public static Instant parse(String field, String text) {
    String t = text.trim();
    try {
      if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
        return Instant.ofEpochMilli(Long.parseLong(t));
      }
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeException | NumberFormatException e) {
      throw new InvalidInputException(field, "must be ISO-8601 (2026-11-23T10:00:00Z) or epoch milliseconds");
    }
  }
}
