package org.dropcart.platform.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live unless the JVM has deadlocked threads, the one state a restart cures and waiting does not.
 * Dependencies being down is a readiness matter, never a reason to restart the process.
 */
@Liveness
@ApplicationScoped
public class ApplicationLivenessCheck implements HealthCheck {
  @Override
  public HealthCheckResponse call() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] deadlocked = threads.findDeadlockedThreads();
    int count = deadlocked == null ? 0 : deadlocked.length;
    return HealthCheckResponse.named("dropcart")
        .status(count == 0)
        .withData("deadlockedThreads", count)
        .withData("liveThreads", threads.getThreadCount())
        .build();
  }
}
