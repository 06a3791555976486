package org.dropcart.cart.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.dropcart.platform.domain.ByteSize;
import org.dropcart.platform.infrastructure.config.DataDirectory;
import org.eclipse.microprofile.config.Config;

/**
 * The cart context's configuration. Seed 004's environment names ({@code VOLUME_PATH}, {@code
 * LRU_BUFFER_TIME}, {@code ARCHIVE_INTERFACE_URL}) reach these keys through
 * {@code SeedAliasConfigSource}.
 */
@ApplicationScoped
public class CartSettings {
  @Inject private Config config;

  /** {@code dropcart.carts.auth}: {@code required} (default) or {@code none}. */
  public boolean authRequired() {
    String v = config.getOptionalValue("dropcart.carts.auth", String.class).orElse("required").trim();
    if (v.equalsIgnoreCase("none")) {
      return false;
    }
    if (!v.equalsIgnoreCase("required")) {
      throw new IllegalStateException("dropcart.carts.auth must be 'required' or 'none', not '" + v + "'");
    }
    return true;
  }

  /** {@code dropcart.carts.bundle}: whether a request without {@code bundle} is pre-bundled. */
  public boolean bundleByDefault() {
    return config.getOptionalValue("dropcart.carts.bundle", Boolean.class).orElse(false);
  }

  /** {@code dropcart.carts.fetch-threads}: files of one cart fetched at once. */
  public int fetchThreads() {
    return Math.max(1, config.getOptionalValue("dropcart.carts.fetch-threads", Integer.class).orElse(4));
  }

  /** {@code dropcart.carts.archive-url} ({@code ARCHIVE_INTERFACE_URL}); empty: Dropcart's own store. */
  public Optional<String> archiveUrl() {
    return config.getOptionalValue("dropcart.carts.archive-url", String.class)
        .map(String::trim).filter(s -> !s.isEmpty());
  }

  /** {@code dropcart.carts.archive-attempts}: tries per archive request before the file fails. */
  public int archiveAttempts() {
    return Math.max(1, config.getOptionalValue("dropcart.carts.archive-attempts", Integer.class).orElse(3));
  }

  /** {@code dropcart.carts.archive-poll}: wait between status requests while the archive stages a file. */
  public Duration archivePoll() {
    return Duration.parse(config.getOptionalValue("dropcart.carts.archive-poll", String.class).orElse("PT1S"));
  }

  /** {@code dropcart.carts.archive-timeout}: how long a file may take to come online in the archive. */
  public Duration archiveTimeout() {
    return Duration.parse(config.getOptionalValue("dropcart.carts.archive-timeout", String.class).orElse("PT10M"));
  }

  /** {@code dropcart.carts.lru-buffer-time} ({@code LRU_BUFFER_TIME}), seconds a used cart is safe from purging. */
  public Duration lruBuffer() {
    return Duration.ofSeconds(Math.max(0, config.getOptionalValue("dropcart.carts.lru-buffer-time", Long.class)
        .orElse(0L)));
  }

  /**
   * {@code dropcart.carts.capacity}: bytes carts may hold on the volume; empty: as much as the
   * volume has free.
   */
  public OptionalLong capacity() {
    return config.getOptionalValue("dropcart.carts.capacity", String.class).map(String::trim)
        .filter(s -> !s.isEmpty()).map(s -> OptionalLong.of(ByteSize.parse(s).bytes()))
        .orElse(OptionalLong.empty());
  }

  /** {@code dropcart.carts.high-water}: percent of the capacity above which lru-purge frees space. */
  public int highWaterPercent() {
    return config.getOptionalValue("dropcart.carts.high-water", Integer.class).orElse(90);
  }

  /** Where carts live: {@code carts/} of the staging volume. */
  public Path root() {
    return DataDirectory.volume(config).resolve("carts");
  }
}
