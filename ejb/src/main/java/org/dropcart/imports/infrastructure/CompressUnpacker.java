package org.dropcart.imports.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Enumeration;
import java.util.Locale;
import org.apache.commons.compress.archivers.ArchiveException;
import org.apache.commons.compress.archivers.ArchiveStreamFactory;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;
import org.dropcart.imports.domain.EntryPath;
import org.dropcart.imports.domain.ImportRefused;
import org.dropcart.imports.domain.UnpackLimits;
import org.dropcart.imports.domain.Unpacker;

/** {@link Unpacker} on Apache Commons Compress. */
@ApplicationScoped
public class CompressUnpacker implements Unpacker {
  private static final int PROBE = 64 * 1024;

  @Override
  public Contents unpack(Path file, String name, UnpackLimits limits, Path staging, Sink sink)
      throws IOException, ImportRefused {
    long archiveSize = Files.size(file);
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), PROBE)) {
      String compressor = compressor(raw);
      if (compressor == null) {
        String archiver = archiver(raw);
        if (ArchiveStreamFactory.ZIP.equals(archiver) || ArchiveStreamFactory.JAR.equals(archiver)) {
          return zip(file, archiveSize, limits, sink);
        }
        if (ArchiveStreamFactory.TAR.equals(archiver)) {
          return tar(new Counted(raw, archiveSize, limits), "tar", limits, sink);
        }
        return single(raw, EntryPath.baseName(name), archiveSize, "plain", limits, staging, sink, false);
      }
      InputStream expanded;
      try {
        expanded = new BufferedInputStream(new CompressorStreamFactory(true).createCompressorInputStream(compressor, raw),
            PROBE);
      } catch (CompressorException e) {
        throw new ImportRefused("the " + compressor + " stream cannot be read: " + e.getMessage());
      }
      Counted counted = new Counted(expanded, archiveSize, limits);
      InputStream probe = new BufferedInputStream(counted, PROBE);
      if (ArchiveStreamFactory.TAR.equals(archiver(probe))) {
        return tar(probe, "tar." + compressor, limits, sink);
      }
      return single(probe, stripSuffix(EntryPath.baseName(name)), archiveSize, compressor, limits, staging, sink, true);
    } catch (IOException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof RefusedIo refused) {
          throw refused.refused;
        }
      }
      throw e;
    }
  }

  private Contents tar(InputStream in, String format, UnpackLimits limits, Sink sink) throws IOException, ImportRefused {
    TarArchiveInputStream tar = new TarArchiveInputStream(in);
    int files = 0;
    long bytes = 0;
    for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
      String path = EntryPath.of(e.getName());
      if (e.isSymbolicLink() || e.isLink()) {
        EntryPath.requireLinkInside(path, e.getLinkName());
        continue;
      }
      if (!e.isFile() || path.isEmpty()) {
        continue;
      }
      limits.checkEntries(++files);
      bytes += e.getSize();
      if (sink != null) {
        sink.accept(new Entry(path, e.getSize(), e.getModTime().toInstant(), new Unclosable(tar)));
      }
      tar.transferTo(OutputStream.nullOutputStream()); // what the sink left, or all of it when checking
    }
    return new Contents(format, files, bytes);
  }

  private Contents zip(Path file, long archiveSize, UnpackLimits limits, Sink sink) throws IOException, ImportRefused {
    try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
      int files = 0;
      long bytes = 0;
      for (Enumeration<ZipArchiveEntry> all = zip.getEntriesInPhysicalOrder(); all.hasMoreElements(); ) {
        ZipArchiveEntry e = all.nextElement();
        String path = EntryPath.of(e.getName());
        if (e.isUnixSymlink()) {
          EntryPath.requireLinkInside(path, zip.getUnixSymlink(e));
          continue;
        }
        if (e.isDirectory() || path.isEmpty()) {
          continue;
        }
        limits.checkEntries(++files);
        try (InputStream in = zip.getInputStream(e)) {
          Counted counted = new Counted(in, archiveSize, limits, bytes);
          if (sink != null) {
            sink.accept(new Entry(path, e.getSize(), Instant.ofEpochMilli(e.getTime()), counted));
          }
          counted.transferTo(OutputStream.nullOutputStream());
          bytes = counted.count;
        }
      }
      return new Contents("zip", files, bytes);
    }
  }

  /** A file that is not an archive (compressed or not): one entry, staged first when its size is unknown. */
  private Contents single(InputStream in, String name, long archiveSize, String format, UnpackLimits limits,
      Path staging, Sink sink, boolean sizeUnknown) throws IOException, ImportRefused {
    if (!sizeUnknown) {
      if (sink != null) {
        sink.accept(new Entry(EntryPath.of(name), archiveSize, null, new Unclosable(in)));
      }
      return new Contents(format, 1, archiveSize);
    }
    if (sink == null) {
      long n = in.transferTo(OutputStream.nullOutputStream());
      return new Contents(format, 1, n);
    }
    Path staged = staging.resolve("expanded");
    long n;
    try (OutputStream out = Files.newOutputStream(staged, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
      n = in.transferTo(out);
    }
    try (InputStream back = Files.newInputStream(staged)) {
      sink.accept(new Entry(EntryPath.of(name), n, null, back));
    } finally {
      Files.deleteIfExists(staged);
    }
    return new Contents(format, 1, n);
  }

  private static String compressor(InputStream in) {
    try {
      return CompressorStreamFactory.detect(in);
    } catch (CompressorException notCompressed) {
      return null;
    }
  }

  private static String archiver(InputStream in) {
    try {
      return ArchiveStreamFactory.detect(in);
    } catch (ArchiveException notAnArchive) {
      return null;
    }
  }

  private static String stripSuffix(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String suffix : new String[] {".gz", ".gzip", ".bz2", ".xz", ".zst", ".z"}) {
      if (lower.endsWith(suffix) && name.length() > suffix.length()) {
        return name.substring(0, name.length() - suffix.length());
      }
    }
    return name;
  }

  /** An IOException carrying a refusal out of a stream's read (streams may only throw IOExceptions). */
  private static final class RefusedIo extends IOException {
    private static final long serialVersionUID = 1L;
    final transient ImportRefused refused;

    RefusedIo(ImportRefused refused) {
      super(refused.getMessage());
      this.refused = refused;
    }
  }

  /** Counts expanded bytes and stops at the limits (total and ratio), as they are read. */
  private static final class Counted extends FilterInputStream {
    private final long archiveSize;
    private final UnpackLimits limits;
    long count;

    Counted(InputStream in, long archiveSize, UnpackLimits limits) {
      this(in, archiveSize, limits, 0);
    }

    Counted(InputStream in, long archiveSize, UnpackLimits limits, long already) {
      super(in);
      this.archiveSize = archiveSize;
      this.limits = limits;
      this.count = already;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      add(skipped);
      return skipped;
    }

    private void add(long n) throws IOException {
      count += n;
      try {
        limits.checkExpanded(count, archiveSize);
      } catch (ImportRefused e) {
        throw new RefusedIo(e);
      }
    }
  }

  /** Keeps a sink from closing the archive's stream under it. */
  private static final class Unclosable extends FilterInputStream {
    Unclosable(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
