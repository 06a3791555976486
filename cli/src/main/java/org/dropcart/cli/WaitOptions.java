package org.dropcart.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --wait} and {@code --timeout} of commands that can follow background work to its end. */
final class WaitOptions {
  @Option(names = "--wait", description = "Wait until it has ended")
  boolean await;

  @Option(names = "--timeout", defaultValue = "PT5M", paramLabel = "DURATION",
      description = "Longest wait, ISO-8601 (default: ${DEFAULT-VALUE})")
  Duration timeout;
}
