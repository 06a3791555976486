package org.dropcart.imports.application;

/** An import as an admin lists it: the owner's view plus who owns it (the client name). */
public record ImportRow(ImportView view, String owner) {
  public String id() {
    return view.id();
  }

  /** Progress as a percentage of the known total, or -1 while the total is unknown. */
  public int percent() {
    Long total = view.totalBytes();
    if (total == null || total <= 0) {
      return -1;
    }
    return (int) Math.min(100, view.bytes() * 100 / total);
  }

  public boolean active() {
    return switch (view.status()) {
      case "queued", "downloading", "unpacking" -> true;
      default -> false;
    };
  }
}
