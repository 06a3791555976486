package org.dropcart.cart.interfaces.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.dropcart.platform.domain.InvalidInputException;

/** The download's file name: checked, and turned into the streamed tar's top directory and the Content-Disposition. */
final class TarNames {
  private TarNames() {}

  /** A name without path separators, control characters or quotes, at most 255 characters. */
  static String check(String name) {
    if (name.isEmpty() || name.length() > 255 || name.equals(".") || name.equals("..")
        || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '/' || c == '\\' || c == '"')) {
      throw new InvalidInputException("filename",
          "must be 1 to 255 characters without path separators, quotes or control characters");
    }
    return name;
  }

  /** cartd's top directory of a streamed tar: the file name without {@code .tar}. */
  static String prefix(String name) {
    String prefix = name.replace(".tar", "");
    return prefix.isEmpty() || prefix.equals(".") || prefix.equals("..") ? "data" : prefix;
  }

  static String disposition(String name) {
    boolean ascii = name.chars().allMatch(c -> c < 0x7f);
    return ascii ? "attachment; filename=\"" + name + "\""
        : "attachment; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
