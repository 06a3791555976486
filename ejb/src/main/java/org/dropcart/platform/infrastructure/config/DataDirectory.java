package org.dropcart.platform.infrastructure.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.Config;

/**
 * The one directory under which the embedded defaults keep everything that must survive a restart:
 * the H2 database, the broker journal, the Mongo-wire store, the signing keys and the staging
 * volume. Key {@code dropcart.data.dir}, default {@code ./data} relative to the working directory.
 */
public final class DataDirectory {
  public static final String KEY = "dropcart.data.dir";
  public static final String DEFAULT = "./data";

  private DataDirectory() {}

  public static Path root(Config config) {
    String value = config.getOptionalValue(KEY, String.class).orElse(DEFAULT);
    return Path.of(value).toAbsolutePath().normalize();
  }

  /**
   * The staging volume (uploads' partial files, carts): {@code dropcart.volume.path} (seed 004's
   * {@code VOLUME_PATH}), by default {@code volume/} in the data directory; created when missing.
   */
  public static Path volume(Config config) {
    return config.getOptionalValue("dropcart.volume.path", String.class)
        .map(String::trim)
        .filter(v -> !v.isEmpty())
        .map(v -> {
          Path dir = Path.of(v).toAbsolutePath().normalize();
          try {
            return Files.createDirectories(dir);
          } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the staging volume " + dir, e);
          }
        })
        .orElseGet(() -> subdirectory(config, "volume"));
  }

  /** A sub-directory of the data directory, created (with its parents) when missing. */
  public static Path subdirectory(Config config, String name) {
    Path dir = root(config).resolve(name);
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create data directory " + dir, e);
    }
  }
}
