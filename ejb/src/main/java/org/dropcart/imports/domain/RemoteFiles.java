package org.dropcart.imports.domain;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/** Downloads over http(s): redirects capped and checked, timeouts, the length the server announced checked. */
public interface RemoteFiles {
  /** What a conditional request may send back: the validators of a copy already held. */
  record Validators(String etag, String lastModified) {}

  /** The outcome: not modified (the held copy is good), or the new bytes in the target file. */
  record Fetched(boolean notModified, long size, String etag, String lastModified, String fileName) {}

  /** Told of the bytes so far; throws to stop the download (the import was cancelled). */
  @FunctionalInterface
  interface Progress {
    void bytes(long done, Long total) throws ImportRefused;
  }

  /** The policy each hop (the URL and every redirect) must pass; refusing stops the download. */
  @FunctionalInterface
  interface HopCheck {
    void check(URI hop) throws ImportRefused;
  }

  Fetched fetch(URI url, Validators held, Path target, HopCheck hops, Progress progress)
      throws IOException, ImportRefused;
}
