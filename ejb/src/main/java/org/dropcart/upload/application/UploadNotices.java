package org.dropcart.upload.application;

import jakarta.json.Json;
import java.util.Set;
import org.dropcart.file.application.FileView;
import org.dropcart.file.domain.StoredFile;
import org.dropcart.platform.application.Notification;
import org.dropcart.upload.domain.Upload;

/**
 * The notifications of the upload pipeline, each for the uploader and the admins: {@code
 * file-cached} (every byte arrived), then {@code file-stored}, {@code file-rejected} (validation
 * refused it) or {@code file-failed} (every attempt to store it failed).
 */
final class UploadNotices {
  static final String CACHED = "file-cached";
  static final String STORED = "file-stored";
  static final String REJECTED = "file-rejected";
  static final String FAILED = "file-failed";

  private UploadNotices() {}

  static Notification cached(Upload u) {
    var payload = Json.createObjectBuilder()
        .add("uploadId", u.id())
        .add("poolId", u.poolId())
        .add("clientId", u.clientId())
        .add("size", u.offset())
        .add("timestamp", u.fileTimestamp().toString());
    if (u.fileName() != null) {
      payload.add("name", u.fileName());
    }
    return new Notification(CACHED, u.ownerId() == null ? Set.of() : Set.of(u.ownerId()), true, payload.build());
  }

  static Notification settled(StoredFile f) {
    String type = switch (f.activity()) {
      case STORED -> STORED;
      case REJECTED -> REJECTED;
      case FAILED -> FAILED;
    };
    return new Notification(type, f.ownerId() == null ? Set.of() : Set.of(f.ownerId()), true,
        FileView.of(f).toJson());
  }
}
