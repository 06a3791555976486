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

  /**
   * Every import (admins), filtered and ordered as asked: filters {@code status} (exact), {@code
   * poolId} (exact), {@code url} and {@code owner} (the client name; contained); sort {@code
   * createdAt} (default, newest first), {@code status}, {@code url}, {@code owner}.
   */
  org.dropcart.platform.domain.Page<Import> listed(org.dropcart.platform.domain.Listing listing);

  /** How many imports have not ended. */
  long countActive();
}
