package org.dropcart.cart.application;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes staged files as one POSIX tar, streaming each file (no file is ever held in memory): long
 * names and big sizes go into PAX headers. Used for a pre-bundled cart's tar and for the tar
 * streamed from staged files at download.
 */
public final class CartTar {
  /** One member: its name in the tar and the staged file that holds its bytes. */
  public record Member(String name, Path file) {}

  private CartTar() {}

  /** Writes the members in order and ends the archive; {@code out} is left open. */
  public static void write(List<Member> members, OutputStream out) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(new BufferedOutputStream(new NonClosing(out), 64 * 1024));
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    tar.setAddPaxHeadersForNonAsciiNames(true);
    for (Member m : members) {
      TarArchiveEntry entry = new TarArchiveEntry(m.name());
      long size = Files.size(m.file());
      entry.setSize(size);
      entry.setModTime(new Date(Files.getLastModifiedTime(m.file()).toMillis()));
      tar.putArchiveEntry(entry);
      long copied = Files.copy(m.file(), tar);
      if (copied != size) {
        throw new IOException("Staged file " + m.file() + " changed while it was bundled");
      }
      tar.closeArchiveEntry();
    }
    tar.finish();
    tar.close();
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
