package org.dropcart.platform.infrastructure.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import javax.sql.DataSource;
import org.dropcart.platform.domain.Failures;
import org.dropcart.platform.infrastructure.persistence.DropcartDataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while a pooled connection to the relational database answers. */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {
  @Resource(lookup = DropcartDataSource.JNDI_NAME)
  private DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database");
    try (Connection c = dataSource.getConnection()) {
      boolean valid = c.isValid(2);
      return response
          .status(valid)
          .withData("product", c.getMetaData().getDatabaseProductName())
          .build();
    } catch (Exception e) {
      return response.down().withData("error", Failures.describe(e)).build();
    }
  }
}
