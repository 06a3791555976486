package org.dropcart.upload.domain;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Tells what a file is from its first bytes (and its name, as a hint when the bytes do not say). */
public interface ContentSniffer {
  /**
   * The media type of the content, such as {@code text/csv}; the stream must support mark and is
   * reset to where it was.
   */
  String sniff(InputStream content, String fileName) throws IOException;

  /** The type followed by its supertypes, most specific first ({@code application/x-sh}, {@code text/plain}). */
  List<String> lineage(String type);
}
