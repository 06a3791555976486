package org.dropcart.upload.application;

import java.time.Instant;
import org.dropcart.upload.domain.Upload;

/** An upload as the tus interface reports it. */
public record UploadView(
    String id, String poolId, long offset, Long length, String metadata, String state, Instant expiresAt) {
  static UploadView of(Upload u) {
    return new UploadView(u.id(), u.poolId(), u.offset(), u.length(), u.metadata(), u.state().name(),
        u.expiresAt());
  }

  public boolean complete() {
    return length != null && offset == length;
  }

  public boolean lengthDeferred() {
    return length == null;
  }
}
