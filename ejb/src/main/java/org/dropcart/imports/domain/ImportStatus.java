package org.dropcart.imports.domain;

import java.util.Locale;

/** Where an import stands: queued, downloading, unpacking (and storing), then done, failed or cancelled. */
public enum ImportStatus {
  QUEUED,
  DOWNLOADING,
  UNPACKING,
  DONE,
  FAILED,
  CANCELLED;

  public boolean finished() {
    return this == DONE || this == FAILED || this == CANCELLED;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
