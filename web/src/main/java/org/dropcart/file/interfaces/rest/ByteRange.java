package org.dropcart.file.interfaces.rest;

/**
 * One byte range of an HTTP {@code Range: bytes=…} header (RFC 9110 §14), resolved against the
 * content's size. Several ranges, or a header this server does not understand, yield {@code null}:
 * the whole content is sent, which the RFC allows.
 */
record ByteRange(long first, long last, boolean satisfiable) {
  static ByteRange parse(String header, long size) {
    String h = header.trim();
    if (!h.regionMatches(true, 0, "bytes=", 0, 6) || h.indexOf(',') >= 0) {
      return null;
    }
    String spec = h.substring(6).trim();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return null;
    }
    try {
      String a = spec.substring(0, dash).trim();
      String b = spec.substring(dash + 1).trim();
      if (a.isEmpty()) {
        long suffix = Long.parseLong(b);
        if (suffix <= 0 || size == 0) {
          return new ByteRange(0, -1, false);
        }
        return new ByteRange(Math.max(0, size - suffix), size - 1, true);
      }
      long first = Long.parseLong(a);
      long last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
      if (first < 0 || (!b.isEmpty() && Long.parseLong(b) < first)) {
        return null;
      }
      return first >= size ? new ByteRange(first, -1, false) : new ByteRange(first, last, true);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  long length() {
    return last - first + 1;
  }

  /** Whether an {@code If-None-Match} list names the entity tag (or is {@code *}). */
  static boolean matchesAny(String ifNoneMatch, String etag) {
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.trim();
      if (c.startsWith("W/")) {
        c = c.substring(2);
      }
      if (c.equals("*") || c.equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
