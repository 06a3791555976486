package org.dropcart.identity.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Period;
import java.util.Optional;
import org.dropcart.identity.domain.LoginPolicy;
import org.eclipse.microprofile.config.Config;

/** The identity context's configuration, read once per use from MicroProfile Config. */
@ApplicationScoped
public class IdentitySettings {
  @Inject private Config config;

  public LoginPolicy loginPolicy() {
    return new LoginPolicy(
        config.getValue("dropcart.auth.max-failed-logins", Integer.class),
        Duration.parse(config.getValue("dropcart.auth.lockout", String.class)));
  }

  public Duration tokenLifetime() {
    return Duration.parse(config.getValue("dropcart.jwt.ttl", String.class));
  }

  public String issuer() {
    return config.getValue("dropcart.jwt.issuer", String.class);
  }

  /** {@code aud} of issued access tokens, and the only audience accepted. */
  public String audience() {
    return config.getValue("dropcart.jwt.audience", String.class);
  }

  public Period auditRetention() {
    return Period.parse(config.getValue("dropcart.audit.retention", String.class));
  }

  public String adminUsername() {
    return config.getValue("dropcart.admin.username", String.class);
  }

  public Optional<String> adminPassword() {
    return config.getOptionalValue("dropcart.admin.password", String.class);
  }

  public int pbkdf2Iterations() {
    return config.getValue("dropcart.auth.pbkdf2-iterations", Integer.class);
  }
}
