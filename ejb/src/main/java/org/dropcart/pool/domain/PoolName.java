package org.dropcart.pool.domain;

import java.util.Locale;
import java.util.regex.Pattern;
import org.dropcart.platform.domain.InvalidInputException;

/** A pool's name: 3 to 64 of {@code A-Z a-z 0-9 . _ -}, unique regardless of case. */
public record PoolName(String value) {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._-]{3,64}");

  public PoolName {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException("name", "is required");
    }
    if (!SHAPE.matcher(value).matches()) {
      throw new InvalidInputException(
          "name", "must be 3 to 64 characters of letters, digits, '.', '_' or '-'");
    }
  }

  public String key() {
    return value.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return value;
  }
}
