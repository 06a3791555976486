package org.dropcart.upload.application;

import java.time.Instant;
import org.dropcart.upload.domain.Upload;

/**
 * An upload still in flight as an admin's listing shows it: who sends it (the client name of its
 * owner in the pool, or the processor of a group's result), how far it got, and when it expires.
 */
public record InFlightUpload(String id, String poolId, String owner, String fileName, long offset, Long length,
    String state, Instant createdAt, Instant expiresAt) {
  static InFlightUpload of(Upload u) {
    return new InFlightUpload(u.id(), u.poolId(), u.clientName(), u.fileName(), u.offset(), u.length(),
        u.state().name(), u.createdAt(), u.expiresAt());
  }
}
