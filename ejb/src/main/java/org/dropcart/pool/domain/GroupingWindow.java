package org.dropcart.pool.domain;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.dropcart.platform.domain.InvalidInputException;

/**
 * The width of the timestamp windows a pool's files are grouped by: an ISO-8601 duration from one
 * second to seven days, {@value #DEFAULT_TEXT} unless the pool says otherwise. Windows are aligned
 * to the epoch, so every node cuts the same windows.
 */
public record GroupingWindow(Duration length) {
  private static final Duration MIN = Duration.ofSeconds(1);
  private static final Duration MAX = Duration.ofDays(7);
  public static final String DEFAULT_TEXT = "PT5M";
  public static final GroupingWindow DEFAULT = new GroupingWindow(Duration.parse(DEFAULT_TEXT));

  public GroupingWindow {
    if (length == null) {
      throw new InvalidInputException("groupingWindow", "is required");
    }
    if (length.compareTo(MIN) < 0 || length.compareTo(MAX) > 0 || length.getNano() != 0) {
      throw new InvalidInputException(
          "groupingWindow", "must be whole seconds between PT1S and P7D, e.g. PT5M");
    }
  }

  /** Parses the wire form; absent means the default. */
  public static GroupingWindow parse(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT;
    }
    try {
      return new GroupingWindow(Duration.parse(text.trim()));
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("groupingWindow", "must be an ISO-8601 duration such as PT5M");
    }
  }

  /** The start of the window {@code t} falls in: windows are aligned to the epoch. */
  public java.time.Instant startOf(java.time.Instant t) {
    long width = length.getSeconds();
    return java.time.Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), width) * width);
  }

  @Override
  public String toString() {
    return length.toString();
  }
}
