package org.dropcart.platform.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once the web module serves requests. Payara reports the application's other checks
 * as soon as CDI and the startup beans are up, which is before the web module is mapped: without
 * this check a load balancer (or the launcher) would send requests that still end in a 404.
 */
@Readiness
@ApplicationScoped
public class ApplicationReadinessCheck implements HealthCheck {
  @Inject private WebApplicationState state;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("application").status(state.isServing()).build();
  }
}
