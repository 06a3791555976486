package org.dropcart.file.domain;

/** Seed 003's {@code activity}: what became of a file the pipeline took. */
public enum Activity {
  /** The content is in the store and can be downloaded. */
  STORED,
  /** Validation refused it (empty, a forbidden type, a checksum that does not match); no content. */
  REJECTED,
  /** Every attempt to store it failed; no content. */
  FAILED
}
