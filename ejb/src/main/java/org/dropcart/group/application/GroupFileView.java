package org.dropcart.group.application;

import java.time.Instant;
import org.dropcart.group.domain.GroupedFile;

/** One file of a group: {@code late} when its timestamp lies outside the group's window. */
public record GroupFileView(
    String fileName, String name, String clientId, Instant timestamp, long size, String sha256, boolean late) {
  static GroupFileView of(GroupedFile f) {
    return new GroupFileView(f.fileName(), f.name(), f.clientId(), f.timestamp(), f.size(), f.sha256(), f.late());
  }
}
