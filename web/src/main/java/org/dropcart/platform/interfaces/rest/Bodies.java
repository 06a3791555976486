package org.dropcart.platform.interfaces.rest;

import org.dropcart.platform.domain.InvalidInputException;

/** Request bodies: JAX-RS hands a resource {@code null} for an empty one. */
public final class Bodies {
  private Bodies() {}

  public static <T> T required(T body) {
    if (body == null) {
      throw new InvalidInputException("body", "a JSON object is required");
    }
    return body;
  }
}
