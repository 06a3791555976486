package org.dropcart.identity.infrastructure;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Tells MicroProfile JWT how to verify the tokens Dropcart signs: the public half of {@link
 * SigningKeys} as {@code mp.jwt.verify.publickey}, {@code dropcart.jwt.issuer} as {@code
 * mp.jwt.verify.issuer} and {@code dropcart.jwt.audience} as {@code mp.jwt.verify.audiences} (so a
 * token signed by the same key for another audience is refused). Its ordinal is low, so an operator
 * who sets one of these keys explicitly wins.
 */
public class JwtVerificationConfigSource implements ConfigSource {
  static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
  static final String ISSUER = "mp.jwt.verify.issuer";
  static final String AUDIENCES = "mp.jwt.verify.audiences";
  private static final Map<String, String> SOURCES =
      Map.of(ISSUER, "dropcart.jwt.issuer", AUDIENCES, "dropcart.jwt.audience");
  private static final ThreadLocal<Boolean> RESOLVING = ThreadLocal.withInitial(() -> false);

  @Override
  public Set<String> getPropertyNames() {
    return Set.of(PUBLIC_KEY, ISSUER, AUDIENCES);
  }

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new java.util.HashMap<>();
    for (String name : getPropertyNames()) {
      String value = getValue(name);
      if (value == null) {
        return Map.of();
      }
      properties.put(name, value);
    }
    return properties;
  }

  @Override
  public String getValue(String name) {
    if (!PUBLIC_KEY.equals(name) && !SOURCES.containsKey(name)) {
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
          : config.getValue(SOURCES.get(name), String.class);
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
