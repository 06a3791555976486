package org.dropcart.platform.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dropcart.platform.domain.Failures;
import org.dropcart.platform.infrastructure.store.MongoStore;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the document store answers a {@code ping}. */
@Readiness
@ApplicationScoped
public class MongoHealthCheck implements HealthCheck {
  @Inject private MongoStore store;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("mongo");
    try {
      store.ping();
      return response.up().build();
    } catch (Exception e) {
      return response.down().withData("error", Failures.describe(e)).build();
    }
  }
}
