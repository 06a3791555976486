package org.dropcart.file.application;

import java.time.Instant;
import java.util.Map;
import org.dropcart.file.domain.StoredFile;

/** A file index entry as clients see it. */
public record FileView(
    String fileName,
    String name,
    String uploadId,
    String poolId,
    String clientId,
    String clientName,
    String activity,
    long size,
    String sha256,
    String contentType,
    Instant timestamp,
    Instant created,
    String reason,
    String groupId,
    Map<String, String> metaData) {
  public static FileView of(StoredFile f) {
    return new FileView(f.fileName(), f.displayName(), f.uploadId(), f.poolId(), f.clientId(), f.clientName(),
        f.activity().name(), f.size(), f.sha256(), f.contentType(), f.timestamp(), f.created(), f.reason(),
        f.groupId(), f.metaData());
  }

  /** As JSON-P, for notifications. */
  public jakarta.json.JsonObject toJson() {
    jakarta.json.JsonObjectBuilder meta = jakarta.json.Json.createObjectBuilder();
    metaData.forEach((k, v) -> meta.add(k, v == null ? "" : v));
    jakarta.json.JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder()
        .add("fileName", fileName)
        .add("name", name)
        .add("uploadId", uploadId)
        .add("poolId", poolId)
        .add("clientId", clientId)
        .add("activity", activity)
        .add("size", size)
        .add("timestamp", timestamp.toString())
        .add("created", created.toString())
        .add("metaData", meta);
    if (clientName != null) {
      b.add("clientName", clientName);
    }
    if (sha256 != null) {
      b.add("sha256", sha256);
    }
    if (contentType != null) {
      b.add("contentType", contentType);
    }
    if (reason != null) {
      b.add("reason", reason);
    }
    if (groupId != null) {
      b.add("groupId", groupId);
    }
    return b.build();
  }
}
