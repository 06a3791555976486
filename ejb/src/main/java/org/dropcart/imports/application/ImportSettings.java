package org.dropcart.imports.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.dropcart.imports.domain.UnpackLimits;
import org.dropcart.platform.domain.ByteSize;
import org.dropcart.platform.infrastructure.config.DataDirectory;
import org.eclipse.microprofile.config.Config;

/** The import settings ({@code dropcart.imports.*}). */
@ApplicationScoped
public class ImportSettings {
  @Inject private Config config;

  protected ImportSettings() {}

  /** Settings read from {@code config} (for tests). */
  public ImportSettings(Config config) {
    this.config = config;
  }

  /** The directories a {@code file:} URL may read from (none by default: file imports are refused). */
  public List<Path> fileRoots() {
    String roots = config.getOptionalValue("dropcart.imports.file-roots", String.class).orElse("");
    return Arrays.stream(roots.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .map(s -> Path.of(s).toAbsolutePath().normalize()).toList();
  }

  /** Whether http(s) imports may reach loopback, private and link-local addresses. */
  public boolean allowPrivate() {
    return Boolean.parseBoolean(text("dropcart.imports.allow-private"));
  }

  public Duration cacheTtl() {
    return Duration.parse(text("dropcart.imports.cache-ttl"));
  }

  public int maxRedirects() {
    return Integer.parseInt(text("dropcart.imports.max-redirects"));
  }

  public Duration connectTimeout() {
    return Duration.parse(text("dropcart.imports.connect-timeout"));
  }

  /** A download that receives nothing for this long fails. */
  public Duration idleTimeout() {
    return Duration.parse(text("dropcart.imports.idle-timeout"));
  }

  public long maxDownload() {
    return ByteSize.parse(text("dropcart.imports.max-download")).bytes();
  }

  public UnpackLimits limits() {
    return new UnpackLimits(Integer.parseInt(text("dropcart.imports.max-entries")),
        ByteSize.parse(text("dropcart.imports.max-expanded")).bytes(),
        Integer.parseInt(text("dropcart.imports.max-ratio")));
  }

  private String text(String key) {
    return config.getValue(key, String.class).trim();
  }

  /** Where imports download and cache: {@code imports/} of the staging volume. */
  public Path volume() {
    return DataDirectory.volume(config).resolve("imports");
  }
}
