package org.dropcart.function.domain;

import org.dropcart.platform.domain.InvalidInputException;

/**
 * The shape of runtime and function names: 1 to 64 letters, digits, {@code .}, {@code _} or
 * {@code -}, starting with a letter or digit. They name directories on the volume, so nothing that
 * could climb out of one ({@code ..}, {@code /}) is a name.
 */
public final class FunctionNames {
  private static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

  private FunctionNames() {}

  public static String require(String field, String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException(field, "is required");
    }
    if (!name.matches(PATTERN) || name.contains("..")) {
      throw new InvalidInputException(field, "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a"
          + " letter or digit");
    }
    return name;
  }
}
