package org.dropcart.file.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The file index (collection {@code file_index}). */
public interface FileIndex {
  Optional<StoredFile> find(String fileName);

  /** Writes the entry, replacing any earlier one of the same file name. */
  void save(StoredFile file);

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
