package org.dropcart.pool.domain;

import java.util.Locale;
import org.dropcart.platform.domain.InvalidInputException;

/**
 * What becomes of a file that arrives for a window already sealed: {@link #NEXT} puts it in the
 * current open group (it keeps its own timestamp), {@link #REJECT} leaves it out of every group and
 * tells its owner.
 */
public enum LatePolicy {
  NEXT,
  REJECT;

  public static final LatePolicy DEFAULT = NEXT;

  /** Parses the wire form ({@code next}, {@code reject}); absent means the default. */
  public static LatePolicy parse(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT;
    }
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("latePolicy", "must be 'next' or 'reject'");
    }
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
