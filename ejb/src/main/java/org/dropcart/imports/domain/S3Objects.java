package org.dropcart.imports.domain;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/** Objects of an S3-compatible store, read by {@code s3://bucket/key} URLs. */
public interface S3Objects {
  /** Downloads the object into {@code target}, or says the copy held ({@code held}'s ETag) is current. */
  RemoteFiles.Fetched fetch(URI url, RemoteFiles.Validators held, Path target, RemoteFiles.Progress progress)
      throws IOException, ImportRefused;
}
