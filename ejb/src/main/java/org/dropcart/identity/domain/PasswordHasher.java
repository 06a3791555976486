package org.dropcart.identity.domain;

/**
 * Turns passwords into one-way, salted, deliberately slow hashes and checks passwords against
 * them. The stored form names its own algorithm and parameters, so hashes made with older
 * parameters keep verifying after the defaults grow.
 */
public interface PasswordHasher {
  String hash(String password);

  boolean matches(String password, String storedHash);

  /**
   * Spends the time a real check would, for a sign-in attempt on a user that does not exist, so
   * the response time does not tell which names are taken.
   */
  void spendEquivalentTime(String password);
}
