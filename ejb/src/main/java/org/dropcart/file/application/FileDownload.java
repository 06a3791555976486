package org.dropcart.file.application;

import java.io.IOException;
import java.io.InputStream;

/** A stored file about to be sent: its entry, and its bytes from a given position on. */
public record FileDownload(FileView file, Opener content) {
  /** Opens the content positioned at a byte offset. */
  @FunctionalInterface
  public interface Opener {
    InputStream from(long offset) throws IOException;
  }

  /** A strong validator: the content's SHA-256, quoted. */
  public String etag() {
    return "\"" + file.sha256() + "\"";
  }
}
