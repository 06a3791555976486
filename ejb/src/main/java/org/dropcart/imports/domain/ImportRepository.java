package org.dropcart.imports.domain;

import java.util.List;
import java.util.Optional;

public interface ImportRepository {
  Optional<Import> find(String id);

  void store(Import i);

  /** The owner's imports, newest first. */
  List<Import> ofOwner(String ownerId, int offset, int limit);

  long countOfOwner(String ownerId);

  Optional<CachedDownload> cached(String urlHash);

  void store(CachedDownload c);
}
