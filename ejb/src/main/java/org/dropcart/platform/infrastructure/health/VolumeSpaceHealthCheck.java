package org.dropcart.platform.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dropcart.platform.domain.ByteSize;
import org.dropcart.platform.domain.Failures;
import org.dropcart.platform.infrastructure.config.DataDirectory;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the data directory, and the staging volume when it lives elsewhere
 * ({@code dropcart.volume.path}), each have at least {@code dropcart.health.min-free-space} usable
 * bytes, so a load balancer stops sending uploads to a node that could not keep them (uploads
 * themselves are refused with 507 below the same threshold).
 */
@Readiness
@ApplicationScoped
public class VolumeSpaceHealthCheck implements HealthCheck {
  @Inject private Config config;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("volume");
    try {
      Path root = DataDirectory.subdirectory(config, "");
      long threshold =
          ByteSize.parse(config.getValue("dropcart.health.min-free-space", String.class)).bytes();
      FileStore store = Files.getFileStore(root);
      long usable = store.getUsableSpace();
      Path volume = Files.createDirectories(DataDirectory.volume(config));
      FileStore volumeStore = Files.getFileStore(volume);
      long volumeUsable = volumeStore.getUsableSpace();
      return response
          .status(usable >= threshold && volumeUsable >= threshold)
          .withData("path", root.toString())
          .withData("usableBytes", usable)
          .withData("totalBytes", store.getTotalSpace())
          .withData("volumePath", volume.toString())
          .withData("volumeUsableBytes", volumeUsable)
          .withData("minFreeBytes", threshold)
          .build();
    } catch (Exception e) {
      return response.down().withData("error", Failures.describe(e)).build();
    }
  }
}
