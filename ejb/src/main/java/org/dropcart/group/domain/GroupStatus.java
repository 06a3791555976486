package org.dropcart.group.domain;

import java.util.Locale;
import org.dropcart.platform.domain.InvalidInputException;

/**
 * Where a group stands: {@code OPEN} until its window's end plus the pool's lateness, then {@code
 * SEALED} (its files are fixed); {@code DISPATCHED} once the pool's processor has it; {@code DONE}
 * when the processor's result is stored, {@code FAILED} when it could not be had.
 */
public enum GroupStatus {
  OPEN,
  SEALED,
  DISPATCHED,
  DONE,
  FAILED;

  /** Parses a query parameter, in any case. */
  public static GroupStatus parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidInputException("status", "must be one of OPEN, SEALED, DISPATCHED, DONE, FAILED");
    }
  }
}
