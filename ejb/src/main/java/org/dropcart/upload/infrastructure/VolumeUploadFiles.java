package org.dropcart.upload.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.regex.Pattern;
import org.dropcart.platform.infrastructure.config.DataDirectory;
import org.dropcart.upload.domain.UploadFiles;
import org.eclipse.microprofile.config.Config;

/**
 * Upload bytes as one partial file per upload under {@code uploads/} of the staging volume
 * ({@code dropcart.volume.path}, by default {@code volume/} in the data directory). Writes go to
 * the upload's offset with a 256 KiB buffer and are forced to the device before an append returns.
 */
@ApplicationScoped
public class VolumeUploadFiles implements UploadFiles {
  private static final int BUFFER = 256 * 1024;
  private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

  @Inject private Config config;

  private Path file(String uploadId) throws IOException {
    if (!ID.matcher(uploadId).matches()) {
      throw new IllegalArgumentException("Not an upload id: " + uploadId);
    }
    Path volume = config.getOptionalValue("dropcart.volume.path", String.class)
        .map(Path::of)
        .orElseGet(() -> DataDirectory.subdirectory(config, "volume"));
    return Files.createDirectories(volume.resolve("uploads")).resolve(uploadId + ".part");
  }

  @Override
  public void create(String uploadId) throws IOException {
    Files.newByteChannel(file(uploadId), StandardOpenOption.CREATE, StandardOpenOption.WRITE).close();
  }

  @Override
  public Written append(String uploadId, long offset, long max, InputStream body, MessageDigest digest)
      throws IOException {
    long written = 0;
    boolean interrupted = false;
    boolean overflowed = false;
    byte[] buffer = new byte[BUFFER];
    try (FileChannel channel = FileChannel.open(file(uploadId), StandardOpenOption.WRITE)) {
      channel.position(offset);
      try {
        while (true) {
          int n = body.read(buffer, 0, (int) Math.min(buffer.length, max - written + 1));
          if (n < 0) {
            break;
          }
          if (written + n > max) {
            overflowed = true;
            n = (int) (max - written);
          }
          ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
          while (chunk.hasRemaining()) {
            channel.write(chunk);
          }
          if (digest != null) {
            digest.update(buffer, 0, n);
          }
          written += n;
          if (overflowed) {
            break;
          }
        }
      } catch (IOException clientWentAway) {
        interrupted = true;
      }
      channel.force(false);
    }
    return new Written(written, digest == null ? null : digest.digest(), interrupted, overflowed);
  }

  @Override
  public void truncate(String uploadId, long length) throws IOException {
    try (FileChannel channel = FileChannel.open(file(uploadId), StandardOpenOption.WRITE)) {
      channel.truncate(length);
      channel.force(false);
    }
  }

  @Override
  public void delete(String uploadId) throws IOException {
    Files.deleteIfExists(file(uploadId));
  }
}
