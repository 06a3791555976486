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

  /**
   * A body taken as any JSON value, required to be an object: a resource that declared a
   * {@code JsonObject} parameter would fail inside JAX-RS (500) on a number, string or array.
   */
  public static jakarta.json.JsonObject requiredObject(jakarta.json.JsonValue body) {
    if (!(required(body) instanceof jakarta.json.JsonObject object)) {
      throw new InvalidInputException("body", "a JSON object is required");
    }
    return object;
  }
}
