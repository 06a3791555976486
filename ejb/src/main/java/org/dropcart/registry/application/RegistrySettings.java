package org.dropcart.registry.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/** The registry's settings ({@code dropcart.registry.*}). */
@ApplicationScoped
public class RegistrySettings {
  /** The longest value, in characters (the column's size). */
  public static final int MAX_VALUE = 65536;

  @Inject private Config config;

  /** How long changes are kept for watchers that resume. */
  public Duration history() {
    return Duration.parse(config.getValue("dropcart.registry.history", String.class));
  }

  /** The longest lease a key or a lock may ask for. */
  public Duration maxTtl() {
    return Duration.parse(config.getValue("dropcart.registry.max-ttl", String.class));
  }

  /** How often each node looks for new changes to send its watchers and for expired leases. */
  public Duration pollInterval() {
    return Duration.parse(config.getValue("dropcart.registry.poll-interval", String.class));
  }

  /** How often a node sweeps keys and locks whose lease ran out. */
  public Duration sweepInterval() {
    return Duration.parse(config.getValue("dropcart.registry.sweep-interval", String.class));
  }
}
