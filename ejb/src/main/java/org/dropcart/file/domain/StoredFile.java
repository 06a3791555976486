package org.dropcart.file.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the file index (seed 003's fields plus Dropcart's): a file a client dropped into a
 * pool, and what became of it. {@code fileName} is its unique name (the upload's id, with the
 * entry's number for a batch); the name the client gave it is in {@code metaData.filename}. Only a
 * {@link Activity#STORED} entry has content, under {@code gridFsId}.
 */
public record StoredFile(
    String fileName,
    String uploadId,
    String poolId,
    String clientId,
    String clientName,
    String ownerId,
    Activity activity,
    String gridFsId,
    Map<String, String> metaData,
    Instant created,
    Instant timestamp,
    long size,
    String sha256,
    String contentType,
    String reason,
    String groupId) {
  public StoredFile {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(uploadId, "uploadId");
    Objects.requireNonNull(poolId, "poolId");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(timestamp, "timestamp");
    metaData = metaData == null ? Map.of() : Map.copyOf(metaData);
    if (activity == Activity.STORED && gridFsId == null) {
      throw new IllegalArgumentException("A stored file has content");
    }
  }

  public boolean hasContent() {
    return activity == Activity.STORED;
  }

  /** The name the client gave the file, or its unique name. */
  public String displayName() {
    return metaData.getOrDefault("filename", fileName);
  }
}
