package org.dropcart.upload.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.dropcart.platform.domain.ByteSize;
import org.eclipse.microprofile.config.Config;

/** The upload context's configuration. */
@ApplicationScoped
public class UploadSettings {
  @Inject private Config config;

  /**
   * The room uploads leave free on the volume ({@code dropcart.health.min-free-space}, below which
   * readiness goes DOWN too): a chunk is refused with 507 while the volume has less.
   */
  public long minFreeSpace() {
    return ByteSize.parse(config.getValue("dropcart.health.min-free-space", String.class)).bytes();
  }

  /** The largest file one upload may carry ({@code dropcart.upload.max-size}). */
  public long maxSize() {
    return ByteSize.parse(config.getValue("dropcart.upload.max-size", String.class)).bytes();
  }

  /**
   * Media types the pipeline refuses, with their subtypes ({@code dropcart.upload.forbidden-types},
   * comma-separated); empty refuses none.
   */
  public java.util.Set<String> forbiddenTypes() {
    return config.getOptionalValue("dropcart.upload.forbidden-types", String.class).stream()
        .flatMap(v -> java.util.Arrays.stream(v.split(",")))
        .map(t -> t.trim().toLowerCase(java.util.Locale.ROOT))
        .filter(t -> !t.isEmpty())
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /**
   * How long after an upload completed the store pipeline may wait while this node is receiving
   * bytes ({@code dropcart.upload.store-defer}; zero never waits).
   */
  public Duration storeDefer() {
    return Duration.parse(config.getValue("dropcart.upload.store-defer", String.class));
  }

  /** How long an upload lives after its last write ({@code dropcart.upload.expiration}). */
  public Duration expiration() {
    return Duration.parse(config.getValue("dropcart.upload.expiration", String.class));
  }
}
