package org.dropcart.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A plain-text table for people: a header row, columns padded to their widest cell, cells over
 * {@link #MAX_CELL} characters shortened, an empty cell shown as {@code -}. Scripts use
 * {@code --json} instead.
 */
public final class Table {
  static final int MAX_CELL = 60;
  private final String[] headers;
  private final List<String[]> rows = new ArrayList<>();

  private Table(String... headers) {
    this.headers = headers;
  }

  public static Table of(String... headers) {
    return new Table(headers);
  }

  public Table row(Object... cells) {
    if (cells.length != headers.length) {
      throw new IllegalArgumentException(headers.length + " cells expected, got " + cells.length);
    }
    rows.add(Arrays.stream(cells).map(Table::cell).toArray(String[]::new));
    return this;
  }

  public int size() {
    return rows.size();
  }

  public String render() {
    int[] width = new int[headers.length];
    for (int i = 0; i < headers.length; i++) {
      width[i] = headers[i].length();
      for (String[] r : rows) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, headers, width);
    for (String[] r : rows) {
      line(out, r, width);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String[] cells, int[] width) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      l.append(cells[i]);
      if (i < cells.length - 1) {
        l.append(" ".repeat(width[i] - cells[i].length() + 2));
      }
    }
    out.append(l.toString().stripTrailing()).append('\n');
  }

  private static String cell(Object value) {
    String s = value == null ? "" : value.toString().replace('\n', ' ').replace('\t', ' ');
    if (s.isEmpty()) {
      return "-";
    }
    return s.length() <= MAX_CELL ? s : s.substring(0, MAX_CELL - 1) + "…";
  }

  /** A byte count for people: {@code 512 B}, {@code 1.5 KiB}, {@code 12.0 MiB}. */
  public static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
