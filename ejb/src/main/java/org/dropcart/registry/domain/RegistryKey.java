package org.dropcart.registry.domain;

import java.util.regex.Pattern;
import org.dropcart.platform.domain.InvalidInputException;

/**
 * A registry key: 1 to 512 characters of letters, digits and {@code . _ - : @ /}, read as a path
 * of {@code /}-separated segments (no empty segment, no {@code .} or {@code ..}), so that a prefix
 * names a subtree. A prefix is the same, and may end with {@code /}.
 */
public final class RegistryKey {
  public static final int MAX_LENGTH = 512;
  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._:@/-]{1," + MAX_LENGTH + "}");

  private RegistryKey() {}

  /** The key, checked; 400 {@code invalid-input} on {@code field} otherwise. */
  public static String require(String field, String key) {
    if (key == null || !ALLOWED.matcher(key).matches()) {
      throw new InvalidInputException(field, "must be 1 to " + MAX_LENGTH
          + " characters of letters, digits and . _ - : @ /");
    }
    String body = key.endsWith("/") && field.equals("prefix") ? key.substring(0, key.length() - 1) : key;
    for (String segment : body.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new InvalidInputException(field, "has an empty, '.' or '..' segment");
      }
    }
    return key;
  }

  /** Whether {@code key} lies under {@code prefix} (as a string prefix, the way the list and watch match). */
  public static boolean under(String prefix, String key) {
    return key.startsWith(prefix);
  }

  /** The LIKE pattern matching every key under {@code prefix} (its characters are never wildcards). */
  public static String likePattern(String prefix) {
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
