package org.dropcart.identity.domain;

import org.dropcart.platform.domain.InvalidInputException;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters (counted as Unicode code
 * points) and at most {@value #MAX_LENGTH}, the upper bound keeping hashing cost bounded.
 */
public final class PasswordPolicy {
  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 1024;

  private PasswordPolicy() {}

  public static String requireAcceptable(String password) {
    if (password == null || password.isEmpty()) {
      throw new InvalidInputException("password", "is required");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      throw new InvalidInputException(
          "password", "must be at least " + MIN_LENGTH + " characters long");
    }
    if (length > MAX_LENGTH) {
      throw new InvalidInputException(
          "password", "must be at most " + MAX_LENGTH + " characters long");
    }
    return password;
  }
}
