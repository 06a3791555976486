package org.dropcart.function.domain;

import java.util.Locale;

/**
 * What a worker keeps ready between calls (seed 002's "política de precarga"):
 *
 * <ul>
 *   <li>{@code FUNCTION}: each function version stays unpacked with its dependencies installed; a
 *       call copies that prepared directory into its own working directory.
 *   <li>{@code RUNTIME}: the runtime's dependency step runs once per function version and its
 *       result is kept; a call unpacks the function's archive afresh over a copy of it.
 *   <li>{@code NONE}: every call unpacks the archive and runs the dependency step itself.
 * </ul>
 */
public enum PreloadPolicy {
  RUNTIME,
  FUNCTION,
  NONE;

  /** The policy named {@code text} (any case); refuses anything else. */
  public static PreloadPolicy parse(String text) {
    String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    for (PreloadPolicy p : values()) {
      if (p.name().equals(t)) {
        return p;
      }
    }
    throw new IllegalArgumentException("dropcart.faas.preload is runtime, function or none, not '" + text + "'");
  }

  /** Whether a call's directory starts from a kept, prepared copy. */
  public boolean keepsPrepared() {
    return this != NONE;
  }

  /** Whether the function's files are unpacked from its archive for every call. */
  public boolean unpacksPerCall() {
    return this != FUNCTION;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
