package org.dropcart.upload.application;

import java.time.Instant;
import org.dropcart.upload.domain.Upload;

/** An upload as the tus interface reports it. */
public record UploadView(
    String id, String poolId, long offset, Long length, String metadata, String state, Instant expiresAt,
    String concat, java.util.List<String> parts, String outcome, boolean expires) {
  static UploadView of(Upload u) {
    return new UploadView(u.id(), u.poolId(), u.offset(), u.length(), u.metadata(), u.state().name(),
        u.expiresAt(), u.concatRole() == null ? null : u.concatRole().name(), u.concatParts(), u.outcome(),
        u.expires());
  }

  public boolean lengthDeferred() {
    return length == null;
  }
}
