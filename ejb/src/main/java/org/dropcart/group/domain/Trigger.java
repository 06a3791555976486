package org.dropcart.group.domain;

import java.util.Locale;
import org.dropcart.platform.domain.InvalidInputException;

/**
 * When a pool's groups go to its processor: {@code on-seal} (as soon as the window seals), {@code
 * manual} (an admin or API call), {@code count:N} (once the group holds N files; it seals early)
 * or {@code pull} (the processor asks for sealed groups itself).
 */
public record Trigger(Kind kind, int count) {
  /** The kinds of trigger. */
  public enum Kind {
    ON_SEAL,
    MANUAL,
    COUNT,
    PULL
  }

  private static final int MAX_COUNT = 1_000_000;

  public Trigger {
    if (kind == null) {
      throw new InvalidInputException("trigger", "is required");
    }
    if (kind == Kind.COUNT ? count < 1 || count > MAX_COUNT : count != 0) {
      throw new InvalidInputException("trigger", "count:N needs N between 1 and " + MAX_COUNT);
    }
  }

  /** Parses {@code on-seal}, {@code manual}, {@code count:N} or {@code pull}. */
  public static Trigger parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("trigger", "is required: on-seal, manual, count:N or pull");
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("count:")) {
      try {
        return new Trigger(Kind.COUNT, Integer.parseInt(t.substring("count:".length())));
      } catch (NumberFormatException e) {
        throw new InvalidInputException("trigger", "count:N needs a whole number N");
      }
    }
    return switch (t) {
      case "on-seal" -> new Trigger(Kind.ON_SEAL, 0);
      case "manual" -> new Trigger(Kind.MANUAL, 0);
      case "pull" -> new Trigger(Kind.PULL, 0);
      default -> throw new InvalidInputException("trigger", "must be on-seal, manual, count:N or pull");
    };
  }

  /** Whether a group holding {@code files} files is due by count. */
  public boolean dueAt(long files) {
    return kind == Kind.COUNT && files >= count;
  }

  public String wire() {
    return switch (kind) {
      case ON_SEAL -> "on-seal";
      case MANUAL -> "manual";
      case PULL -> "pull";
      case COUNT -> "count:" + count;
    };
  }
}
