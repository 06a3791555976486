package org.dropcart.pool.domain;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.dropcart.platform.domain.InvalidInputException;

/**
 * How long after its end a pool's window still takes files (its grace): whole seconds from zero to
 * one day, {@value #DEFAULT_TEXT} unless the pool says otherwise.
 */
public record Lateness(Duration grace) {
  private static final Duration MAX = Duration.ofDays(1);
  public static final String DEFAULT_TEXT = "PT1M";
  public static final Lateness DEFAULT = new Lateness(Duration.parse(DEFAULT_TEXT));

  public Lateness {
    if (grace == null) {
      throw new InvalidInputException("lateness", "is required");
    }
    if (grace.isNegative() || grace.compareTo(MAX) > 0 || grace.getNano() != 0) {
      throw new InvalidInputException("lateness", "must be whole seconds between PT0S and P1D, e.g. PT1M");
    }
  }

  /** Parses the wire form; absent means the default. */
  public static Lateness parse(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT;
    }
    try {
      return new Lateness(Duration.parse(text.trim()));
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("lateness", "must be an ISO-8601 duration such as PT1M");
    }
  }

  @Override
  public String toString() {
    return grace.toString();
  }
}
