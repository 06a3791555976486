package org.dropcart.file.application;

import java.time.Instant;
import java.util.Map;
import org.dropcart.file.domain.StoredFile;

/**
 * A file index entry as clients see it. {@code grouping} says where a stored file stands in its
 * pool's timestamp groups ({@code pending}, {@code grouped} in {@code groupId}, or {@code rejected}
 * as late), and {@code late} whether it missed its own window; both are absent until known.
 */
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
    String grouping,
    Boolean late,
    Map<String, String> metaData) {
  public static FileView of(StoredFile f) {
    return new FileView(f.fileName(), f.displayName(), f.uploadId(), f.poolId(), f.clientId(), f.clientName(),
        f.activity().name(), f.size(), f.sha256(), f.contentType(), f.timestamp(), f.created(), f.reason(),
        f.groupId(), null, null, f.metaData());
  }

  /** Where a member downloads a stored file, relative to the base URL. */
  public static String downloadPath(String fileName) {
    return "api/file/" + fileName;
  }

  /** The same entry with its place in grouping. */
  public FileView placed(FilePlace place) {
    return new FileView(fileName, name, uploadId, poolId, clientId, clientName, activity, size, sha256,
        contentType, timestamp, created, reason, place.groupId(), place.grouping(), place.late() ? Boolean.TRUE : null,
        metaData);
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
    if (grouping != null) {
      b.add("grouping", grouping);
    }
    if (late != null) {
      b.add("late", late);
    }
    return b.build();
  }
}
