package org.dropcart.imports.application;

import java.time.Instant;
import org.dropcart.imports.domain.Import;

/** An import as its owner sees it: status, bytes so far of the total, the files it stored so far. */
public record ImportView(String id, String url, String poolId, boolean unarchive, Instant timestamp, String status,
    long bytes, Long totalBytes, boolean fromCache, int filesStored, String reason, Instant createdAt,
    Instant updatedAt) {
  static ImportView of(Import i) {
    return new ImportView(i.id(), i.url().toString(), i.poolId(), i.unarchive(), i.timestamp(),
        i.status().wireName(), i.bytesDone(), i.bytesTotal(), i.fromCache(), i.filesStored(), i.reason(),
        i.createdAt(), i.updatedAt());
  }
}
