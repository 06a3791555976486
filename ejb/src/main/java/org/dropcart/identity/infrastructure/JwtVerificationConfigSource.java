package org.dropcart.identity.infrastructure;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Tells MicroProfile JWT how to verify the tokens Dropcart signs: the public half of {@link
 * SigningKeys} as {@code mp.jwt.verify.publickey}, and {@code dropcart.jwt.issuer} as {@code
 * mp.jwt.verify.issuer}. Its ordinal is low, so an operator who sets either key explicitly wins.
 */
public class JwtVerificationConfigSource implements ConfigSource {
  static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
  static final String ISSUER = "mp.jwt.verify.issuer";
  private static final ThreadLocal<Boolean> RESOLVING = ThreadLocal.withInitial(() -> false);

  @Override
  public Set<String> getPropertyNames() {
    return Set.of(PUBLIC_KEY, ISSUER);
  }

  @Override
  public Map<String, String> getProperties() {
    String key = getValue(PUBLIC_KEY);
    String issuer = getValue(ISSUER);
    return key == null || issuer == null ? Map.of() : Map.of(PUBLIC_KEY, key, ISSUER, issuer);
  }

  @Override
  public String getValue(String name) {
    if (!PUBLIC_KEY.equals(name) && !ISSUER.equals(name)) {
      return null;
    }
    // Reading the rest of the configuration asks every source again, this one included.
    if (RESOLVING.get()) {
      return null;
    }
    RESOLVING.set(true);
    try {
      Config config = ConfigProvider.getConfig(JwtVerificationConfigSource.class.getClassLoader());
      return PUBLIC_KEY.equals(name)
          ? SigningKeys.publicKeyBase64(config)
          : config.getValue("dropcart.jwt.issuer", String.class);
    } finally {
      RESOLVING.set(false);
    }
  }

  @Override
  public String getName() {
    return "dropcart-jwt-verification";
  }

  @Override
  public int getOrdinal() {
    return 50;
  }
}
