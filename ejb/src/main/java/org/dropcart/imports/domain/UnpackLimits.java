package org.dropcart.imports.domain;

/**
 * What an archive may hold: at most {@code maxEntries} files and {@code maxBytes} bytes once
 * expanded, and no more than {@code maxRatio} times its own size (a decompression bomb otherwise).
 */
public record UnpackLimits(int maxEntries, long maxBytes, int maxRatio) {
  public UnpackLimits {
    if (maxEntries < 1 || maxBytes < 1 || maxRatio < 1) {
      throw new IllegalArgumentException("Unpack limits are positive");
    }
  }

  /** Refuses {@code expanded} bytes out of an archive of {@code archiveSize} bytes when over a limit. */
  public void checkExpanded(long expanded, long archiveSize) throws ImportRefused {
    checkBytes(expanded);
    if (expanded > Math.max(archiveSize, 1) * (long) maxRatio && expanded > 1024 * 1024) {
      throw new ImportRefused("the archive expands more than " + maxRatio
          + " times its size (dropcart.imports.max-ratio): a decompression bomb");
    }
  }

  /** Refuses more than {@code maxBytes} in all. */
  public void checkBytes(long expanded) throws ImportRefused {
    if (expanded > maxBytes) {
      throw new ImportRefused("the archive expands beyond " + maxBytes + " bytes (dropcart.imports.max-expanded)");
    }
  }

  public void checkEntries(int entries) throws ImportRefused {
    if (entries > maxEntries) {
      throw new ImportRefused("the archive holds more than " + maxEntries + " files (dropcart.imports.max-entries)");
    }
  }
}
