package org.dropcart.identity.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.dropcart.identity.application.IdentityService;

/** Makes sure an enabled admin exists before the first request is served. */
@Singleton
@Startup
@DependsOn({"DatabaseMigrations", "EmbeddedBroker"})
public class FirstAdminInitializer {
  @Inject private IdentityService identity;

  @PostConstruct
  void ensureAdmin() {
    identity.ensureAdminExists();
  }
}
