package org.dropcart.identity.application.internal;

import java.security.SecureRandom;
import java.util.Base64;

/** Strong random passwords for accounts created without one. */
final class RandomPasswords {
  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomPasswords() {}

  /** 144 random bits as 24 URL-safe characters. */
  static String generate() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
