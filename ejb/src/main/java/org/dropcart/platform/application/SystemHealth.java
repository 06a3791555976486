package org.dropcart.platform.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The readiness checks of {@code /health/ready} (database, broker, Mongo, volume space), evaluated
 * for an operator's page: the same check beans, so the console and the load balancer never
 * disagree.
 */
@ApplicationScoped
public class SystemHealth {
  @Inject @Readiness @Any private Instance<HealthCheck> checks;

  public List<HealthView> readiness() {
    return checks.stream().map(SystemHealth::evaluate).sorted(Comparator.comparing(HealthView::name)).toList();
  }

  private static HealthView evaluate(HealthCheck check) {
    try {
      HealthCheckResponse r = check.call();
      Map<String, Object> data = new HashMap<>();
      r.getData().ifPresent(data::putAll);
      return new HealthView(r.getName(), r.getStatus() == HealthCheckResponse.Status.UP, data);
    } catch (RuntimeException e) {
      return new HealthView(check.getClass().getSimpleName(), false, Map.of("error", String.valueOf(e.getMessage())));
    }
  }
}
