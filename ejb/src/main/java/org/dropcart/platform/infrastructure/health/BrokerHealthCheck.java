package org.dropcart.platform.infrastructure.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import org.dropcart.platform.domain.Failures;
import org.dropcart.platform.infrastructure.messaging.Messaging;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the broker accepts a connection through the resource adapter: the same path
 * every send takes, whether the broker is embedded or external.
 */
@Readiness
@ApplicationScoped
public class BrokerHealthCheck implements HealthCheck {
  @Resource(lookup = Messaging.CONNECTION_FACTORY)
  private ConnectionFactory connectionFactory;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("broker");
    try (JMSContext context = connectionFactory.createContext()) {
      context.createBrowser(context.createQueue(Messaging.DEAD_LETTER_QUEUE)).close();
      return response.up().build();
    } catch (Exception e) {
      return response.down().withData("error", Failures.describe(e)).build();
    }
  }
}
