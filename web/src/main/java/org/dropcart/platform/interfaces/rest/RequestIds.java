package org.dropcart.platform.interfaces.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties a request's response, its log line and any error report together. A caller may
 * bring its own in {@code X-Request-Id} (up to 64 of {@code [A-Za-z0-9._-]}); otherwise one is made.
 */
public final class RequestIds {
  public static final String HEADER = "X-Request-Id";
  static final String ATTRIBUTE = "dropcart.requestId";
  private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private RequestIds() {}

  /** The request's id, assigned on first call and remembered on the request. */
  public static String of(HttpServletRequest request) {
    Object existing = request.getAttribute(ATTRIBUTE);
    if (existing instanceof String id) {
      return id;
    }
    String offered = request.getHeader(HEADER);
    String id = offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    request.setAttribute(ATTRIBUTE, id);
    return id;
  }
}
