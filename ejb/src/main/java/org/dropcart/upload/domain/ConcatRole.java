package org.dropcart.upload.domain;

/** An upload's part in the tus concatenation extension. */
public enum ConcatRole {
  /** Bytes a final upload will take in; never stored on its own. */
  PARTIAL,
  /** The concatenation of partial uploads, in order; it receives no bytes itself. */
  FINAL
}
