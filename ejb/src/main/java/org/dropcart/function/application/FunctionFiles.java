package org.dropcart.function.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.dropcart.function.domain.FunctionRefused;
import org.dropcart.imports.domain.ImportRefused;
import org.dropcart.imports.domain.UnpackLimits;
import org.dropcart.imports.domain.Unpacker;
import org.dropcart.platform.domain.TooLargeException;

/**
 * Where functions live on the volume ({@code dropcart.faas} volume = {@code functions/} of the
 * staging volume), and the safe unpacking of their archives through the imports' {@link Unpacker}
 * (zip-slip, links out, entry count, expanded size and ratio are refused before anything is kept):
 *
 * <pre>
 * archives/{name}/v{n}    the uploaded archive of each version
 * files/{name}/v{n}/      its checked, unpacked files
 * prepared/{name}/v{n}/{runtime}-{revision}/
 *                         a copy with the runtime's dependency step done (preload runtime, function)
 * calls/{callNum}/        a call's own working directory, deleted after the call
 * staging/                uploads being checked
 * </pre>
 */
@ApplicationScoped
public class FunctionFiles {
  private static final Set<String> ARCHIVES = Set.of("zip", "tar", "tar.gz", "tar.bzip2", "tar.xz");

  @Inject private FunctionSettings settings;
  @Inject private Unpacker unpacker;

  /** An upload staged and checked: the archive file and a directory with its files. */
  public record Staged(Path archive, Path files, String name, long size, int fileCount, long bytes) {}

  /** Copies the upload to the staging area (at most {@code dropcart.faas.max-archive}), checks it, unpacks it. */
  public Staged stage(InputStream upload, String originalName) throws IOException {
    Path dir = Files.createDirectories(root().resolve("staging").resolve(UUID.randomUUID().toString()));
    try {
      Path archive = dir.resolve("archive");
      long max = settings.maxArchive();
      long size;
      try (OutputStream out = Files.newOutputStream(archive)) {
        size = copyAtMost(upload, out, max);
      }
      if (size > max) {
        throw new TooLargeException("archive-too-large", "A function archive holds at most " + max
            + " bytes (dropcart.faas.max-archive)");
      }
      if (size == 0) {
        throw new FunctionRefused("bad-archive", "The module is empty: send a zip or tar.gz archive");
      }
      Path files = Files.createDirectories(dir.resolve("files"));
      Unpacker.Contents contents = unpack(archive, originalName, files, settings.unpackLimits(), dir);
      return new Staged(archive, files, originalName, size, contents.files(), contents.bytes());
    } catch (IOException | RuntimeException e) {
      delete(dir);
      throw e;
    }
  }

  /** Unpacks a checked archive into {@code target}: a first pass proves it good, the second writes. */
  public Unpacker.Contents unpack(Path archive, String name, Path target, UnpackLimits limits, Path staging)
      throws IOException {
    try {
      Unpacker.Contents contents = unpacker.unpack(archive, name == null ? "module" : name, limits, staging, null);
      if (!ARCHIVES.contains(contents.format())) {
        throw new FunctionRefused("bad-archive", "The module is not a zip or tar.gz archive (it reads as "
            + contents.format() + ")");
      }
      if (contents.files() == 0) {
        throw new FunctionRefused("bad-archive", "The archive holds no file");
      }
      Path top = target.toAbsolutePath().normalize();
      return unpacker.unpack(archive, name == null ? "module" : name, limits, staging, entry -> {
        Path to = top.resolve(entry.path()).normalize();
        if (!to.startsWith(top)) {
          throw new ImportRefused("entry '" + entry.path() + "' escapes the function's directory");
        }
        Files.createDirectories(to.getParent());
        Files.copy(entry.content(), to, StandardCopyOption.REPLACE_EXISTING);
      });
    } catch (ImportRefused refused) {
      throw new FunctionRefused("bad-archive", "The archive is refused: " + refused.getMessage());
    }
  }

  /** Moves a staged upload into place as version {@code version} of {@code name}. */
  public void keep(Staged staged, String name, int version) throws IOException {
    Path archive = archive(name, version);
    Path files = files(name, version);
    delete(files); // what a registration that failed after moving left behind
    delete(prepared(name, version));
    Files.createDirectories(archive.getParent());
    Files.createDirectories(files.getParent());
    Files.move(staged.archive(), archive, StandardCopyOption.REPLACE_EXISTING);
    Files.move(staged.files(), files);
    delete(staged.archive().getParent());
  }

  /** Forgets what {@link #keep} moved (the registration did not commit). */
  public void forget(String name, int version) {
    delete(files(name, version));
    delete(archive(name, version));
  }

  public Path root() {
    return settings.volume();
  }

  public Path archive(String name, int version) {
    return root().resolve("archives").resolve(name).resolve("v" + version);
  }

  public Path files(String name, int version) {
    return root().resolve("files").resolve(name).resolve("v" + version);
  }

  public Path prepared(String name, int version) {
    return root().resolve("prepared").resolve(name).resolve("v" + version);
  }

  public Path callDirectory(long callNum) {
    return root().resolve("calls").resolve(Long.toString(callNum));
  }

  /** Copies a directory tree (regular files and directories only). */
  public static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (attrs.isRegularFile()) {
          Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.COPY_ATTRIBUTES);
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** Deletes a tree if it is there (without following links). */
  public static void delete(Path dir) {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      java.util.logging.Logger.getLogger(FunctionFiles.class.getName())
          .warning("Could not delete " + dir + ": " + e.getMessage());
    }
  }

  private static long copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      total += n;
      if (total > max) {
        return total;
      }
      out.write(buffer, 0, n);
    }
    return total;
  }
}
