package org.dropcart.file.application;

import java.time.Instant;
import java.util.Map;

/** What the store pipeline knows of a file before its content is stored. */
public record NewFile(
    String fileName,
    String uploadId,
    String poolId,
    String clientId,
    String clientName,
    String ownerId,
    Map<String, String> metaData,
    Instant timestamp,
    String contentType) {
  public NewFile {
    metaData = Map.copyOf(metaData);
  }

  public NewFile withContentType(String type) {
    return new NewFile(fileName, uploadId, poolId, clientId, clientName, ownerId, metaData, timestamp, type);
  }
}
