package org.dropcart.function.domain;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs a shell command of a runtime as a process in a directory, bounded, and says how it ended. */
public interface FunctionProcesses {
  /** What one process may use, and what it may see ({@link Sandbox}). */
  record Limits(Duration timeout, int maxOutput, int maxStderr, long cpuSeconds, long memoryBytes, Sandbox sandbox) {
    /** Limits of a plain process, without a sandbox. */
    public Limits(Duration timeout, int maxOutput, int maxStderr, long cpuSeconds, long memoryBytes) {
      this(timeout, maxOutput, maxStderr, cpuSeconds, memoryBytes, Sandbox.NONE);
    }

    /** The same limits in {@code other} sandbox. */
    public Limits in(Sandbox other) {
      return new Limits(timeout, maxOutput, maxStderr, cpuSeconds, memoryBytes, other);
    }
  }

  /**
   * What a process sees of the machine. {@code bwrap} null: everything its user may see (a plain
   * process). Otherwise it runs inside that bubblewrap program: its own user, PID, IPC and UTS
   * namespaces, only its directory writable, the system's programs read-only, {@code readOnly}
   * added read-only, a private {@code /tmp}, and no network unless {@code network}.
   */
  record Sandbox(Path bwrap, boolean network, List<Path> readOnly) {
    public static final Sandbox NONE = new Sandbox(null, true, List.of());

    public Sandbox {
      readOnly = List.copyOf(readOnly);
    }

    public boolean isolated() {
      return bwrap != null;
    }

    /** This sandbox with or without the network (a plain process always has the machine's). */
    public Sandbox withNetwork(boolean on) {
      return isolated() ? new Sandbox(bwrap, on, readOnly) : this;
    }
  }

  /** How the process ended; {@code exitCode} null when it was killed at the timeout. */
  record Ended(Integer exitCode, CappedOutput stdout, CappedOutput stderr, boolean timedOut, Duration took) {}

  /**
   * Runs {@code command} with {@code /bin/sh -c} in {@code dir}, with only {@code environment},
   * {@code stdin} written to its standard input; on timeout kills it and every descendant.
   */
  Ended run(String command, Path dir, Map<String, String> environment, byte[] stdin, Limits limits)
      throws IOException, InterruptedException;
}
