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

  /** The S3-compatible endpoint to use instead of AWS's (MinIO, Ceph, …), if set. */
  public java.util.Optional<java.net.URI> s3Endpoint() {
    return optional("dropcart.imports.s3.endpoint").map(java.net.URI::create);
  }

  public String s3Region() {
    return optional("dropcart.imports.s3.region").orElse("us-east-1");
  }

  /** Static credentials; empty: the SDK's default chain (environment, profile, instance role). */
  public java.util.Optional<String> s3AccessKey() {
    return optional("dropcart.imports.s3.access-key");
  }

  public java.util.Optional<String> s3SecretKey() {
    return optional("dropcart.imports.s3.secret-key");
  }

  /** Path-style addressing (host/bucket/key), which S3-compatible stores need; by default when an endpoint is set. */
  public boolean s3PathStyle() {
    return optional("dropcart.imports.s3.path-style").map(Boolean::parseBoolean).orElse(s3Endpoint().isPresent());
  }

  private java.util.Optional<String> optional(String key) {
    return config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
  }

  private String text(String key) {
    return config.getValue(key, String.class).trim();
  }

  /** Where imports download and cache: {@code imports/} of the staging volume. */
  public Path volume() {
    return DataDirectory.volume(config).resolve("imports");
  }
}
