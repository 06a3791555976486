package org.dropcart.cart.domain;

import java.util.Locale;

/**
 * Where a cart stands, as cartd's {@code X-Pacifica-Status} names it. A cart moves forward only:
 * {@code waiting → staging → (bundling →) ready}; any unfinished cart may fall into {@code error}.
 * {@code ready} and {@code error} are final.
 */
public enum CartStatus {
  WAITING,
  STAGING,
  BUNDLING,
  READY,
  ERROR;

  /** The wire name: lower case. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name (any case); an unknown one is refused, naming the field. */
  public static CartStatus parse(String text) {
    for (CartStatus s : values()) {
      if (s.wire().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return s;
      }
    }
    throw new org.dropcart.platform.domain.InvalidInputException("status",
        "must be one of waiting, staging, bundling, ready, error");
  }

  public boolean isFinal() {
    return this == READY || this == ERROR;
  }

  /** Whether a cart in this status may move to {@code next}. */
  public boolean mayBecome(CartStatus next) {
    if (isFinal()) {
      return false;
    }
    return next == ERROR || next.ordinal() > ordinal();
  }
}
