package org.dropcart.group.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/** The dispatch settings ({@code dropcart.processor.*}). */
@ApplicationScoped
public class DispatchSettings {
  @Inject private Config config;

  /** Attempts at handing a group to its processor before the group FAILS. */
  public int attempts() {
    return Math.max(1, config.getValue("dropcart.processor.attempts", Integer.class));
  }

  /** The wait before the second attempt; each next one waits three times longer, at most 10 minutes. */
  public Duration retryDelay(int failedAttempts) {
    Duration first = Duration.parse(config.getValue("dropcart.processor.retry-delay", String.class));
    Duration d = first.multipliedBy((long) Math.pow(3, Math.max(0, Math.min(failedAttempts - 1, 12))));
    return d.compareTo(Duration.ofMinutes(10)) > 0 ? Duration.ofMinutes(10) : d;
  }

  /** How long a processor may take after taking a group before the group FAILS. */
  public Duration timeout() {
    return Duration.parse(config.getValue("dropcart.processor.timeout", String.class));
  }

  /** How long the file and bundle links of a manifest stay good. */
  public Duration linkTtl() {
    return Duration.parse(config.getValue("dropcart.processor.link-ttl", String.class));
  }

  /** How long a callback token stays good (a late result is still taken). */
  public Duration callbackTtl() {
    return Duration.parse(config.getValue("dropcart.processor.callback-ttl", String.class));
  }
}
