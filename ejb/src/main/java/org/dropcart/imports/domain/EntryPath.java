package org.dropcart.imports.domain;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The path of an archive entry inside the import, checked: a name that is absolute, climbs out
 * ({@code ..} past the top) or carries a NUL or a drive letter is refused (zip-slip); so is a link
 * whose target lands outside. {@code \} counts as a separator, as Windows archivers write it. A
 * name no file system could hold is refused too: a segment over 255 bytes (UTF-8), or a path over
 * 1024 bytes.
 */
public final class EntryPath {
  /** The longest file name of ext4, XFS, tmpfs and most others, in bytes. */
  static final int MAX_SEGMENT_BYTES = 255;
  /** The longest entry path kept (the target directory's own path comes on top of it). */
  static final int MAX_PATH_BYTES = 1024;

  private EntryPath() {}

  /** The entry's normalised relative path ({@code a/b.txt}); empty for the archive's root. */
  public static String of(String name) throws ImportRefused {
    if (name.indexOf('\0') >= 0) {
      throw new ImportRefused("entry '" + printable(name) + "' has a NUL in its name");
    }
    String n = name.replace('\\', '/');
    if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
      throw new ImportRefused("entry '" + printable(name) + "' has an absolute path");
    }
    Deque<String> parts = new ArrayDeque<>();
    for (String segment : n.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (parts.isEmpty()) {
          throw new ImportRefused("entry '" + printable(name) + "' escapes the archive (zip-slip)");
        }
        parts.removeLast();
      } else {
        if (utf8Length(segment) > MAX_SEGMENT_BYTES) {
          throw new ImportRefused("entry '" + printable(name) + "' has a name over " + MAX_SEGMENT_BYTES + " bytes");
        }
        parts.addLast(segment);
      }
    }
    String path = String.join("/", parts);
    if (utf8Length(path) > MAX_PATH_BYTES) {
      throw new ImportRefused("entry '" + printable(name) + "' has a path over " + MAX_PATH_BYTES + " bytes");
    }
    return path;
  }

  /** Refuses a link at {@code entry} whose {@code target} resolves outside the archive. */
  public static void requireLinkInside(String entry, String target) throws ImportRefused {
    String t = target.replace('\\', '/');
    if (t.startsWith("/") || t.matches("^[A-Za-z]:.*")) {
      throw new ImportRefused("link '" + printable(entry) + "' points outside the archive (" + printable(target) + ")");
    }
    int slash = entry.lastIndexOf('/');
    String dir = slash < 0 ? "" : entry.substring(0, slash + 1);
    try {
      of(dir + t);
    } catch (ImportRefused escapes) {
      throw new ImportRefused("link '" + printable(entry) + "' points outside the archive (" + printable(target) + ")");
    }
  }

  /** The last segment: the file's name. */
  public static String baseName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static int utf8Length(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }

  private static String printable(String s) {
    String p = s.replaceAll("[\\x00-\\x1f\\x7f]", "?");
    return p.length() > 200 ? p.substring(0, 200) + "..." : p;
  }
}
