package org.dropcart.function.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.dropcart.function.domain.FunctionProcesses;
import org.dropcart.function.domain.PreloadPolicy;
import org.dropcart.imports.domain.UnpackLimits;
import org.dropcart.platform.domain.ByteSize;
import org.dropcart.platform.infrastructure.config.DataDirectory;
import org.eclipse.microprofile.config.Config;

/** The function settings ({@code dropcart.faas.*}); every key is listed in README. */
@ApplicationScoped
public class FunctionSettings {
  @Inject private Config config;

  protected FunctionSettings() {}

  public FunctionSettings(Config config) {
    this.config = config;
  }

  /** How many calls this node runs at once. */
  public int workers() {
    return Math.max(1, Integer.parseInt(text("dropcart.faas.workers", "4")));
  }

  public PreloadPolicy preload() {
    return PreloadPolicy.parse(text("dropcart.faas.preload", "function"));
  }

  public Duration timeout() {
    return Duration.parse(text("dropcart.faas.timeout", "PT30S"));
  }

  /**
   * How long a runtime's dependency step (installing a function's requirements) may run: longer
   * than a call, as a package download is, and never cut short by the calls' own timeout.
   */
  public Duration dependencyTimeout() {
    return Duration.parse(text("dropcart.faas.dependency-timeout", "PT5M"));
  }

  /**
   * The limits of a call's process, in the sandbox, without the network unless
   * {@code dropcart.faas.call-network}.
   */
  public FunctionProcesses.Limits limits() {
    return limits(timeout())
        .in(sandbox().withNetwork(Boolean.parseBoolean(text("dropcart.faas.call-network", "false"))));
  }

  /**
   * The limits of a dependency step's process: a call's, with its own timeout, and with the network
   * (installing requirements may need a package index).
   */
  public FunctionProcesses.Limits dependencyLimits() {
    return limits(dependencyTimeout()).in(sandbox().withNetwork(true));
  }

  /** {@code dropcart.faas.sandbox} as configured (lower case), for the worker's presence. */
  public String sandboxKind() {
    return text("dropcart.faas.sandbox", "none").toLowerCase(Locale.ROOT);
  }

  /**
   * What a function's processes see ({@code dropcart.faas.sandbox}): {@code none}, a plain process
   * under the limits; {@code bwrap}, inside bubblewrap ({@code dropcart.faas.bwrap}), with
   * {@code dropcart.faas.sandbox-read-only} (comma-separated paths) visible read-only besides the
   * system's programs. Refuses another value, and a bwrap that is not an executable file.
   */
  public FunctionProcesses.Sandbox sandbox() {
    String kind = sandboxKind();
    switch (kind) {
      case "none":
        return FunctionProcesses.Sandbox.NONE;
      case "bwrap":
        Path bwrap = Path.of(text("dropcart.faas.bwrap", "/usr/bin/bwrap"));
        if (!Files.isRegularFile(bwrap) || !Files.isExecutable(bwrap)) {
          throw new IllegalStateException("dropcart.faas.sandbox is bwrap but " + bwrap
              + " is not an executable file (install bubblewrap, or set dropcart.faas.bwrap)");
        }
        List<Path> readOnly = Arrays.stream(text("dropcart.faas.sandbox-read-only", "").split(","))
            .map(String::trim).filter(p -> !p.isEmpty()).map(Path::of).toList();
        return new FunctionProcesses.Sandbox(bwrap, false, readOnly);
      default:
        throw new IllegalArgumentException("dropcart.faas.sandbox is none or bwrap, not '" + kind + "'");
    }
  }

  private FunctionProcesses.Limits limits(Duration timeout) {
    return new FunctionProcesses.Limits(timeout, (int) Math.min(1024 * 1024,
        ByteSize.parse(text("dropcart.faas.max-output", "64KiB")).bytes()),
        (int) Math.min(16 * 1024, ByteSize.parse(text("dropcart.faas.max-stderr", "8KiB")).bytes()),
        Long.parseLong(text("dropcart.faas.cpu-seconds", "60")),
        ByteSize.parse(text("dropcart.faas.max-memory", "1GiB")).bytes());
  }

  /** The largest uploaded archive. */
  public long maxArchive() {
    return ByteSize.parse(text("dropcart.faas.max-archive", "50MiB")).bytes();
  }

  public UnpackLimits unpackLimits() {
    return new UnpackLimits(Integer.parseInt(text("dropcart.faas.max-entries", "2000")),
        ByteSize.parse(text("dropcart.faas.max-expanded", "200MiB")).bytes(),
        Integer.parseInt(text("dropcart.faas.max-ratio", "100")));
  }

  /** {@code PATH} of a function's process (the only variable inherited in spirit from the server). */
  public String path() {
    return text("dropcart.faas.path", "/usr/local/bin:/usr/bin:/bin");
  }

  /** Whether call directories are kept after the call (for debugging); deleted by default. */
  public boolean keepCallDirectories() {
    return Boolean.parseBoolean(text("dropcart.faas.keep-call-dirs", "false"));
  }

  /** The lease of a worker's presence in the registry. */
  public Duration presenceTtl() {
    return Duration.parse(text("dropcart.faas.presence-ttl", "PT30S"));
  }

  /**
   * This node's name in call records and the registry: {@code dropcart.faas.node}, else the
   * node's name ({@link org.dropcart.platform.application.NodeName}).
   */
  public String node() {
    return config.getOptionalValue("dropcart.faas.node", String.class).map(String::trim).filter(s -> !s.isEmpty())
        .orElseGet(() -> org.dropcart.platform.application.NodeName.of(config));
  }


  /** Where functions live: {@code functions/} of the staging volume. */
  public Path volume() {
    return DataDirectory.volume(config).resolve("functions");
  }

  private String text(String key, String fallback) {
    return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty()).orElse(fallback);
  }
}
