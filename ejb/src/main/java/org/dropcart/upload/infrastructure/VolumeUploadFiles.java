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
 * A writer's claim is an exclusive lock on the upload's {@code .lock} file beside it: the operating
 * system (or, on NFSv4, the file server) keeps processes apart and drops a dead process's locks.
 */
@ApplicationScoped
public class VolumeUploadFiles implements UploadFiles {
  private static final int BUFFER = 256 * 1024;
  private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

  @Inject private Config config;

  public VolumeUploadFiles() {}

  /** Outside a container (tests). */
  VolumeUploadFiles(Config config) {
    this.config = config;
  }

  private Path file(String uploadId) throws IOException {
    if (!ID.matcher(uploadId).matches()) {
      throw new IllegalArgumentException("Not an upload id: " + uploadId);
    }
    return Files.createDirectories(volume().resolve("uploads")).resolve(uploadId + ".part");
  }

  private Path lockFile(String uploadId) throws IOException {
    Path part = file(uploadId);
    return part.resolveSibling(uploadId + ".lock");
  }

  private Path volume() {
    return DataDirectory.volume(config);
  }

  @Override
  public void create(String uploadId) throws IOException {
    Files.newByteChannel(file(uploadId), StandardOpenOption.CREATE, StandardOpenOption.WRITE).close();
  }

  @Override
  public java.util.Optional<Claim> claim(String uploadId) throws IOException {
    // A lock file apart from the bytes: closing any channel on a file drops every lock this
    // process holds on it, and the bytes' file is opened and closed by each append.
    Path lockFile = lockFile(uploadId);
    FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      if (channel.tryLock() == null) {
        channel.close();
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(() -> {
        try {
          // No lock file outlives the bytes it guards (an unknown upload's id leaves none).
          if (!Files.exists(file(uploadId))) {
            Files.deleteIfExists(lockFile);
          }
        } finally {
          channel.close();
        }
      });
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public java.util.List<String> ids() throws IOException {
    Path dir = volume().resolve("uploads");
    if (!Files.isDirectory(dir)) {
      return java.util.List.of();
    }
    try (var listing = Files.list(dir)) {
      return listing.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".part"))
          .map(n -> n.substring(0, n.length() - ".part".length()))
          .filter(id -> ID.matcher(id).matches())
          .toList();
    }
  }

  @Override
  public InputStream read(String uploadId, long length) throws IOException {
    Path file = file(uploadId);
    if (length == 0 && !Files.exists(file)) {
      return InputStream.nullInputStream();
    }
    long size = Files.size(file);
    if (size != length) {
      throw new IOException("Upload " + uploadId + " should hold " + length + " bytes on the volume but holds " + size);
    }
    return new java.io.BufferedInputStream(Files.newInputStream(file), BUFFER);
  }

  @Override
  public Written append(String uploadId, long offset, long max, long keepFree, InputStream body,
      java.util.List<MessageDigest> digests) throws IOException {
    long written = 0;
    boolean interrupted = false;
    boolean overflowed = false;
    boolean volumeFull = false;
    byte[] buffer = new byte[BUFFER];
    if (Files.getFileStore(file(uploadId).getParent()).getUsableSpace() < keepFree) {
      discard(body, buffer, max);
      return new Written(0, false, false, true);
    }
    try (FileChannel channel = FileChannel.open(file(uploadId), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      if (channel.size() < offset) {
        throw new IOException("Upload " + uploadId + " has " + channel.size() + " bytes on the volume, fewer than its offset "
            + offset + ": the volume lost acknowledged bytes");
      }
      if (channel.size() > offset) {
        // Bytes past the offset were never acknowledged (a refused or failed chunk): drop them.
        channel.truncate(offset);
      }
      channel.position(offset);
      // Each read's bytes go to the file at once. (Filling the whole buffer first made every
      // partial read wait on the socket again at once; measured, it cost more CPU per byte.)
      while (true) {
        int n;
        try {
          n = body.read(buffer, 0, (int) Math.min(buffer.length, max - written + 1));
        } catch (IOException clientWentAway) {
          interrupted = true;
          break;
        }
        if (n < 0) {
          break;
        }
        if (written + n > max) {
          overflowed = true;
          n = (int) (max - written);
        }
        ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
        try {
          while (chunk.hasRemaining()) {
            channel.write(chunk);
          }
        } catch (IOException e) {
          if (!full(e)) {
            throw e;
          }
          // Part of this read may be in the file: keep only whole reads, and free the rest. The
          // rest of the body is read and dropped, so that the client gets the answer (an HTTP/1.1
          // client reads it only once it has sent its body).
          volumeFull = true;
          channel.truncate(offset + written);
          discard(body, buffer, max - written - n);
          break;
        }
        for (MessageDigest digest : digests) {
          digest.update(buffer, 0, n);
        }
        written += n;
        if (overflowed) {
          break;
        }
      }
      channel.force(false);
    }
    return new Written(written, interrupted, overflowed, volumeFull);
  }

  private static void discard(InputStream body, byte[] buffer, long limit) {
    try {
      for (long left = limit + 1; left > 0; ) {
        int n = body.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          return;
        }
        left -= n;
      }
    } catch (IOException clientWentAway) {
      // nothing more to drop
    }
  }

  /** ENOSPC (or a quota), as the JDK reports it: an IOException with the system's message. */
  private static boolean full(IOException e) {
    String m = e.getMessage();
    return m != null && (m.contains("No space left") || m.contains("Disk quota exceeded"));
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
    Files.deleteIfExists(lockFile(uploadId));
  }
}
