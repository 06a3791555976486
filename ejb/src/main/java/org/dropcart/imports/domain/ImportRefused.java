package org.dropcart.imports.domain;

/**
 * An import that cannot go on, for a reason its owner can act on (a path escaping the archive, a
 * decompression bomb, an unreachable or refusing server): the import FAILS with this message.
 */
public class ImportRefused extends Exception {
  private static final long serialVersionUID = 1L;

  public ImportRefused(String message) {
    super(message);
  }
}
