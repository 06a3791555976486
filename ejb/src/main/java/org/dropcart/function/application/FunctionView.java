package org.dropcart.function.application;

import java.time.Instant;
import org.dropcart.function.domain.Function;

/** A function's current version as the API shows it. */
public record FunctionView(String functionName, String runtimeName, int version, String originalname, long size,
    int files, long bytes, Instant registeredAt) {
  public static FunctionView of(Function f) {
    return new FunctionView(f.name(), f.runtimeName(), f.version(), f.archiveName(), f.archiveSize(), f.files(),
        f.bytes(), f.registeredAt());
  }
}
