package org.dropcart.file.domain;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** Where stored files' bytes live (GridFS bucket {@code files}), each under an id of our choosing. */
public interface FileContents {
  /**
   * Writes {@code content} under {@code id}, replacing whatever an earlier, interrupted attempt
   * left there; returns the byte count.
   */
  long write(String id, String name, Map<String, String> metadata, InputStream content) throws IOException;

  /** The content, positioned at {@code from}. */
  InputStream read(String id, long from) throws IOException;

  boolean exists(String id);

  /** Removes the content and any pieces of it; nothing happens when there is none. */
  void delete(String id);

  /** Makes every write so far durable (the embedded store keeps them in memory until told). */
  void makeDurable();
}
