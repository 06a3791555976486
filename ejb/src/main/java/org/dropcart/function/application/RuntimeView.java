package org.dropcart.function.application;

import org.dropcart.function.domain.FunctionRuntime;

/** A runtime as the API shows it (seed 002's fields). */
public record RuntimeView(String name, String image, String path, String dependencies, String run) {
  public static RuntimeView of(FunctionRuntime r) {
    return new RuntimeView(r.name(), r.image(), r.path(), r.dependencies(), r.run());
  }
}
