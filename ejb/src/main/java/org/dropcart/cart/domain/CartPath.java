package org.dropcart.cart.domain;

import java.util.Objects;

/**
 * Where a file goes inside its cart: a relative path of {@code /}-separated segments that cannot
 * leave the cart. Refused: empty, absolute (a leading {@code /} or a drive letter), a {@code ..}
 * segment, a backslash, NUL or another control character. {@code .} and empty segments are
 * dropped, so {@code a//./b} is {@code a/b}.
 */
public record CartPath(String value) {
  public CartPath {
    Objects.requireNonNull(value, "A cart path has a value.");
  }

  /** The normalized path, or an exception whose message says what is wrong. */
  public static CartPath of(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new IllegalArgumentException("must not be empty");
    }
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new IllegalArgumentException("must not contain control characters");
      }
    }
    if (raw.indexOf('\\') >= 0) {
      throw new IllegalArgumentException("must use / as separator, not \\");
    }
    if (raw.startsWith("/") || raw.matches("^[A-Za-z]:.*")) {
      throw new IllegalArgumentException("must be relative to the cart");
    }
    StringBuilder normal = new StringBuilder();
    for (String segment : raw.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        throw new IllegalArgumentException("must not leave the cart (..)");
      }
      if (normal.length() > 0) {
        normal.append('/');
      }
      normal.append(segment);
    }
    if (normal.length() == 0) {
      throw new IllegalArgumentException("must name a file");
    }
    return new CartPath(normal.toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
