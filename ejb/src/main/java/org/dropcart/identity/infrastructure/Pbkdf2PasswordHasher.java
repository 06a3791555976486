package org.dropcart.identity.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.dropcart.identity.application.IdentitySettings;
import org.dropcart.identity.domain.PasswordHasher;

/**
 * PBKDF2-HMAC-SHA256 from the JDK, a 16-byte random salt per password and a 256-bit derived key,
 * stored as {@code pbkdf2-sha256$<iterations>$<salt>$<key>} (base64). The iteration count is
 * {@code dropcart.auth.pbkdf2-iterations} (OWASP's 2023 floor of 210,000 by default) and travels
 * with each hash, so raising it never breaks existing passwords.
 */
@ApplicationScoped
public class Pbkdf2PasswordHasher implements PasswordHasher {
  static final String SCHEME = "pbkdf2-sha256";
  static final int MIN_ITERATIONS = 210_000;
  private static final int SALT_BYTES = 16;
  private static final int KEY_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] DECOY_SALT = new byte[SALT_BYTES];

  private final int iterations;

  @Inject
  Pbkdf2PasswordHasher(IdentitySettings settings) {
    this(settings.pbkdf2Iterations());
  }

  Pbkdf2PasswordHasher(int iterations) {
    if (iterations < MIN_ITERATIONS) {
      throw new IllegalArgumentException(
          "dropcart.auth.pbkdf2-iterations must be at least " + MIN_ITERATIONS + ", not " + iterations);
    }
    this.iterations = iterations;
  }

  /** For CDI's proxy only. */
  protected Pbkdf2PasswordHasher() {
    this.iterations = MIN_ITERATIONS;
  }

  @Override
  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
        + b64.encodeToString(derive(password, salt, iterations));
  }

  @Override
  public boolean matches(String password, String storedHash) {
    String[] parts = storedHash == null ? new String[0] : storedHash.split("\\$");
    if (parts.length != 4 || !SCHEME.equals(parts[0])) {
      return false;
    }
    try {
      int storedIterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      return MessageDigest.isEqual(expected, derive(password, salt, storedIterations));
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  @Override
  public void spendEquivalentTime(String password) {
    derive(password, DECOY_SALT, iterations);
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, KEY_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JDK", e);
    } finally {
      spec.clearPassword();
    }
  }
}
