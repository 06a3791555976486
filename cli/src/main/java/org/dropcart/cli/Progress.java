package org.dropcart.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar on stderr, redrawn at most ten times a second; silent when disabled. */
final class Progress {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final String name;
  private final long total;
  private final boolean enabled;
  private final long started = System.nanoTime();
  private long startOffset = -1;
  private long lastDraw;
  private boolean drawn;

  Progress(PrintWriter err, String name, long total, boolean enabled) {
    this.err = err;
    this.name = name.length() > 24 ? name.substring(0, 23) + "…" : name;
    this.total = total;
    this.enabled = enabled;
  }

  void update(long done) {
    if (!enabled) {
      return;
    }
    if (startOffset < 0) {
      startOffset = done;
    }
    long now = System.nanoTime();
    if (drawn && now - lastDraw < 100_000_000L && done < total) {
      return;
    }
    lastDraw = now;
    drawn = true;
    err.print("\r" + line(done, now));
    err.flush();
  }

  String line(long done, long now) {
    double fraction = total == 0 ? 1 : (double) done / total;
    int filled = (int) Math.round(fraction * WIDTH);
    double seconds = Math.max(1e-3, (now - started) / 1e9);
    double rate = (done - Math.max(0, startOffset)) / seconds;
    return String.format(Locale.ROOT, "%-24s [%s%s] %3d%% %s/%s %s/s ", name, "#".repeat(filled),
        " ".repeat(WIDTH - filled), Math.round(fraction * 100), Table.bytes(done), Table.bytes(total),
        Table.bytes((long) rate));
  }

  void done() {
    if (enabled && drawn) {
      err.println();
      err.flush();
      drawn = false;
    }
  }
}
