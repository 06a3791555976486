package org.dropcart.identity.application;

/** Where a request came from, for the audit log. */
public record RequestOrigin(String remoteAddress) {
  public static final RequestOrigin INTERNAL = new RequestOrigin("internal");
}
