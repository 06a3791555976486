package org.dropcart.function.domain;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Runs a shell command of a runtime as a process in a directory, bounded, and says how it ended. */
public interface FunctionProcesses {
  /** What one process may use. */
  record Limits(Duration timeout, int maxOutput, int maxStderr, long cpuSeconds, long memoryBytes) {}

  /** How the process ended; {@code exitCode} null when it was killed at the timeout. */
  record Ended(Integer exitCode, CappedOutput stdout, CappedOutput stderr, boolean timedOut, Duration took) {}

  /**
   * Runs {@code command} with {@code /bin/sh -c} in {@code dir}, with only {@code environment},
   * {@code stdin} written to its standard input; on timeout kills it and every descendant.
   */
  Ended run(String command, Path dir, Map<String, String> environment, byte[] stdin, Limits limits)
      throws IOException, InterruptedException;
}
