package org.dropcart.platform.domain;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of bytes as people write it in configuration: {@code 500MB}, {@code 100MiB},
 * {@code 2 GB}, {@code 1048576}. Decimal units (KB, MB, GB, TB) are powers of 1000 and binary units
 * (KiB, MiB, GiB, TiB) powers of 1024, as in SI / IEC.
 */
public record ByteSize(long bytes) {
  private static final Pattern FORMAT =
      Pattern.compile("\\s*(\\d+)\\s*([KMGT]i?B|B)?\\s*", Pattern.CASE_INSENSITIVE);

  public ByteSize {
    if (bytes < 0) {
      throw new IllegalArgumentException("A size cannot be negative: " + bytes);
    }
  }

  public static ByteSize parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "Not a size: '" + text + "' (expected e.g. 500MB, 100MiB or 1048576)");
    }
    long number;
    try {
      number = Long.parseLong(m.group(1));
    } catch (NumberFormatException tooManyDigits) {
      throw new IllegalArgumentException("Size too large: '" + text + "'");
    }
    String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
    long factor =
        switch (unit) {
          case "B" -> 1L;
          case "KB" -> 1_000L;
          case "MB" -> 1_000_000L;
          case "GB" -> 1_000_000_000L;
          case "TB" -> 1_000_000_000_000L;
          case "KIB" -> 1L << 10;
          case "MIB" -> 1L << 20;
          case "GIB" -> 1L << 30;
          case "TIB" -> 1L << 40;
          default -> throw new IllegalArgumentException("Unknown unit in '" + text + "'");
        };
    try {
      return new ByteSize(Math.multiplyExact(number, factor));
    } catch (ArithmeticException overflow) {
      throw new IllegalArgumentException("Size too large: '" + text + "'");
    }
  }

  @Override
  public String toString() {
    return bytes + " B";
  }
}
