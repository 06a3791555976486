package org.dropcart.imports.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Reads a downloaded file as an archive (by its content first, its name second): tar, zip, and
 * tar or a single file under gzip, bzip2 or xz. Each pass checks every rule ({@link EntryPath},
 * {@link UnpackLimits}) as it goes, so a first pass with no sink proves the archive good before
 * anything is kept.
 */
public interface Unpacker {
  /** One regular file of the archive; its bytes are readable until the sink returns. */
  record Entry(String path, long size, Instant modified, InputStream content) {}

  @FunctionalInterface
  interface Sink {
    void accept(Entry entry) throws IOException, ImportRefused;
  }

  /** Told of work so far; throws to stop (the import was cancelled). */
  @FunctionalInterface
  interface Progress {
    void check() throws ImportRefused;
  }

  /** What a pass found: the format, the files and their expanded bytes. */
  record Contents(String format, int files, long bytes) {}

  /**
   * Reads {@code file} ({@code name} is its name, for the formats a name tells) and hands every
   * regular file to {@code sink} (null: check only). A file that is no archive is one entry, named
   * {@code name} without its compression suffix. {@code staging} may hold what must be expanded
   * before its size is known.
   */
  Contents unpack(Path file, String name, UnpackLimits limits, Path staging, Sink sink)
      throws IOException, ImportRefused;
}
