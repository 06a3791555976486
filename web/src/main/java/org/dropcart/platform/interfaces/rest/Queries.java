package org.dropcart.platform.interfaces.rest;

import org.dropcart.platform.domain.InvalidInputException;

/**
 * Query parameters are taken as strings and parsed here: JAX-RS answers a failed conversion with
 * 404, where a client deserves a 400 naming the parameter.
 */
public final class Queries {
  private Queries() {}

  public static Integer integer(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name, "must be a whole number");
    }
  }

  public static Long longValue(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name, "must be a whole number");
    }
  }

  /** An optional ISO-8601 duration ({@code PT30S}). */
  public static java.time.Duration duration(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return java.time.Duration.parse(value.trim());
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidInputException(name, "must be an ISO-8601 duration such as PT30S");
    }
  }

  /** An optional point in time: ISO-8601 or epoch milliseconds. */
  public static java.time.Instant instant(String name, String value) {
    return value == null || value.isBlank() ? null : org.dropcart.platform.domain.Timestamps.parse(name, value);
  }

  /** The page asked for with {@code page} and {@code size}, defaults for what is missing. */
  public static org.dropcart.platform.domain.PageRequest page(String page, String size) {
    return org.dropcart.platform.domain.PageRequest.of(integer("page", page), integer("size", size));
  }

  public static String text(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
