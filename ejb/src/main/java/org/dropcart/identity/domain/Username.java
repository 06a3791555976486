package org.dropcart.identity.domain;

import java.util.Locale;
import java.util.regex.Pattern;
import org.dropcart.platform.domain.InvalidInputException;

/**
 * A user's sign-in name: 3 to 64 of {@code A-Z a-z 0-9 . _ -}. Names are unique regardless of
 * case ({@code Alice} and {@code alice} are the same user); the spelling given at sign-up is kept
 * for display.
 */
public record Username(String value) {
  public static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._-]{3,64}");

  public Username {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException("username", "is required");
    }
    if (!SHAPE.matcher(value).matches()) {
      throw new InvalidInputException(
          "username", "must be 3 to 64 characters of letters, digits, '.', '_' or '-'");
    }
  }

  /** The case-folded form that identifies the user. */
  public String key() {
    return value.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return value;
  }
}
