package org.dropcart.file.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The file index (collection {@code file_index}). */
public interface FileIndex {
  Optional<StoredFile> find(String fileName);

  /** The entries of those of {@code fileNames} that exist, by file name (one query, not one per name). */
  java.util.Map<String, StoredFile> findAll(java.util.Collection<String> fileNames);

  /** Writes the entry, replacing any earlier one of the same file name. */
  void save(StoredFile file);

  /** Removes the entry; nothing happens when there is none. */
  void remove(String fileName);

  /**
   * A page of entries across pools for an admin's listing: sortable by {@code timestamp}, {@code
   * created}, {@code size}, {@code name}, {@code clientName}, {@code poolId}, {@code activity};
   * filters {@code poolId}, {@code activity}, {@code groupId}, {@code clientName} and {@code name}
   * (contains, any case), {@code sha256} (prefix).
   */
  org.dropcart.platform.domain.Page<StoredFile> list(org.dropcart.platform.domain.Listing listing);

  /** A client's entries, newest first. */
  List<StoredFile> ofClient(String clientId, int offset, int limit);

  long countOfClient(String clientId);

  /** A user's entries across all their pools, newest first. */
  List<StoredFile> ofOwner(String ownerId, int offset, int limit);

  long countOfOwner(String ownerId);

  /** A pool's entries with a timestamp in [from, to), oldest timestamp first; null bounds are open. */
  List<StoredFile> ofPool(String poolId, Instant from, Instant to, int offset, int limit);

  long countOfPool(String poolId, Instant from, Instant to);

  /** How many files are in the store with their content (activity STORED). */
  long countStored();
}
