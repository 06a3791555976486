package org.dropcart.function.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a process wrote on one stream, kept up to {@code cap} bytes. The rest is read and dropped so
 * that a flooding process never blocks on a full pipe (its wall-clock timeout still bounds it);
 * {@link #truncated()} tells that something was dropped.
 */
public final class CappedOutput {
  private final int cap;
  private final ByteArrayOutputStream kept;
  private long total;

  public CappedOutput(int cap) {
    if (cap < 0) {
      throw new IllegalArgumentException("cap >= 0");
    }
    this.cap = cap;
    this.kept = new ByteArrayOutputStream(Math.min(cap, 8192));
  }

  /** Reads {@code in} to its end. */
  public void drain(InputStream in) throws IOException {
    byte[] buffer = new byte[8192];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      accept(buffer, n);
    }
  }

  public synchronized void accept(byte[] bytes, int length) {
    int room = (int) Math.max(0, Math.min(length, cap - (long) kept.size()));
    kept.write(bytes, 0, room);
    total += length;
  }

  public synchronized boolean truncated() {
    return total > cap;
  }

  public synchronized long total() {
    return total;
  }

  /** The kept bytes as UTF-8 (a character cut by the cap becomes U+FFFD). */
  public synchronized String text() {
    return kept.toString(StandardCharsets.UTF_8);
  }
}
