package org.dropcart.platform.interfaces.rest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Points in time as HTTP headers write them (RFC 9110 IMF-fixdate, e.g. {@code Upload-Expires}, {@code Last-Modified}). */
public final class HttpDates {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private HttpDates() {}

  public static String format(Instant instant) {
    return FORMAT.format(instant);
  }
}
