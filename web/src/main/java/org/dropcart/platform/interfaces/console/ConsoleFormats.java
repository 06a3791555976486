package org.dropcart.platform.interfaces.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How console tables show instants and sizes: instants in UTC to the second (the server's and the
 * API's time), sizes in binary units with the exact byte count beside them where it matters.
 */
@Named("formats")
@ApplicationScoped
public class ConsoleFormats {
  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

  /** An instant as {@code 2026-12-03 10:05:49Z}; empty for none. */
  public String at(Instant instant) {
    return instant == null ? "" : INSTANT.format(instant);
  }

  /** A size such as {@code 1.5 MiB}; {@code 512 B} below a KiB. */
  public String bytes(long bytes) {
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }

  /** {@code part} of {@code whole} as a whole percentage (0 for an unknown whole). */
  public int percent(long part, Long whole) {
    return whole == null || whole <= 0 ? 0 : (int) Math.min(100, part * 100 / whole);
  }
}
