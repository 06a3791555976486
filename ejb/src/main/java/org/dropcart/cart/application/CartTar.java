package org.dropcart.cart.application;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Date;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes staged files as one POSIX tar, streaming each file (no file is ever held in memory): long
 * names and big sizes go into PAX headers. Used for a pre-bundled cart's tar (into a file, the
 * bytes copied by the kernel) and for the tar streamed from staged files at download. Both ways
 * write the same bytes.
 */
public final class CartTar {
  /** One member: its name in the tar and the staged file that holds its bytes. */
  public record Member(String name, Path file) {}

  private static final int RECORD = 512;
  /** The default blocking factor (20 records), as GNU tar and Commons Compress pad the end of an archive. */
  private static final int BLOCK = 20 * RECORD;
  /** How many bytes a bundling writes between two looks at whether the cart is still wanted. */
  public static final long ASK_EVERY = 64L * 1024 * 1024;
  private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(BLOCK).asReadOnlyBuffer();

  private CartTar() {}

  /** Writes the members in order and ends the archive; {@code out} is left open. */
  public static void write(List<Member> members, OutputStream out) throws IOException {
    TarArchiveOutputStream tar = tarStream(new BufferedOutputStream(new NonClosing(out), 64 * 1024), BLOCK);
    for (Member m : members) {
      long size = Files.size(m.file());
      tar.putArchiveEntry(entry(m, size));
      long copied = Files.copy(m.file(), tar);
      if (copied != size) {
        throw changed(m);
      }
      tar.closeArchiveEntry();
    }
    tar.finish();
    tar.close();
  }

  /**
   * Writes the members into {@code file} from its position and ends the archive, the same bytes as
   * {@link #write(List, OutputStream)}: Commons Compress writes each member's header records (PAX
   * ones included), and each file's bytes go from file to file in the kernel (transferTo, no copy
   * through the heap), then the zeros that end its last record. Between members, once at least
   * {@link #ASK_EVERY} bytes were written since it last asked, it asks {@code goOn}; false stops
   * the tar there, unfinished, and this returns false.
   */
  public static boolean write(List<Member> members, FileChannel file, BooleanSupplier goOn) throws IOException {
    long written = 0;
    long asked = 0;
    ByteArrayOutputStream header = new ByteArrayOutputStream(2 * RECORD);
    for (Member m : members) {
      if (written - asked >= ASK_EVERY) {
        asked = written;
        if (!goOn.getAsBoolean()) {
          return false;
        }
      }
      header.reset();
      try (FileChannel in = FileChannel.open(m.file(), StandardOpenOption.READ)) {
        long size = in.size();
        TarArchiveOutputStream headers = tarStream(header, RECORD);
        headers.putArchiveEntry(entry(m, size));
        headers.flush(); // the records are out (one record per block); the entry is never closed
        written += writeFully(file, ByteBuffer.wrap(header.toByteArray()));
        for (long at = 0; at < size; ) {
          long n = in.transferTo(at, size - at, file);
          if (n <= 0) {
            throw changed(m);
          }
          at += n;
        }
        written += size;
      }
      written += zeros(file, (RECORD - (int) (written % RECORD)) % RECORD);
    }
    written += zeros(file, 2 * RECORD); // the end-of-archive records
    zeros(file, (BLOCK - (int) (written % BLOCK)) % BLOCK);
    return true;
  }

  private static TarArchiveOutputStream tarStream(OutputStream out, int blockSize) {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out, blockSize);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    tar.setAddPaxHeadersForNonAsciiNames(true);
    return tar;
  }

  private static TarArchiveEntry entry(Member m, long size) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(m.name());
    entry.setSize(size);
    entry.setModTime(new Date(Files.getLastModifiedTime(m.file()).toMillis()));
    return entry;
  }

  private static IOException changed(Member m) {
    return new IOException("Staged file " + m.file() + " changed while it was bundled");
  }

  private static int zeros(FileChannel file, int count) throws IOException {
    for (int left = count; left > 0; ) {
      ByteBuffer z = ZEROS.duplicate();
      z.limit(Math.min(left, BLOCK));
      left -= writeFully(file, z);
    }
    return count;
  }

  private static int writeFully(FileChannel file, ByteBuffer bytes) throws IOException {
    int n = bytes.remaining();
    while (bytes.hasRemaining()) {
      file.write(bytes);
    }
    return n;
  }

  /** Lets the tar stream flush and close its buffers without closing the caller's stream. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
