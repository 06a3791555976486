package org.dropcart.upload.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where uploads are kept. */
public interface UploadRepository {
  Optional<Upload> find(String id);

  void store(Upload upload);

  /**
   * A page of the uploads in flight (receiving bytes, or complete and waiting for the store
   * pipeline or a final upload) for an admin's listing: sortable by {@code createdAt}, {@code
   * expiresAt}, {@code offset}, {@code fileName}, {@code owner}, {@code poolId}; filters {@code
   * poolId}, {@code state}, {@code owner} and {@code fileName} (contains).
   */
  org.dropcart.platform.domain.Page<Upload> inFlight(org.dropcart.platform.domain.Listing listing);

  /** The final upload that took a partial upload in, if any. */
  Optional<Upload> finalOf(String partId);

  /** Ids of uploads still receiving whose expiry has passed, oldest expiry first. */
  List<String> expiredIds(Instant now, int limit);

  /** How many uploads in each state (every state present), by status name, for the console dashboard. */
  java.util.Map<String, Long> countByStatus();
}
