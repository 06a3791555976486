package org.dropcart.file.application;

import java.util.Collection;
import java.util.Map;

/**
 * Where stored files stand in their pool's timestamp groups, as the grouping context knows it (it
 * implements this; the file context only shows it in listings).
 */
public interface FilePlaces {
  /** The places of those of the named files that have one. */
  Map<String, FilePlace> of(Collection<String> fileNames);

  /**
   * Forgets the place of a file that is being deleted; refuses (a {@link
   * org.dropcart.platform.domain.ConflictException}) when grouping needs the file still.
   */
  void release(String fileName);
}
