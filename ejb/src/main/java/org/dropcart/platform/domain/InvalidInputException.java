package org.dropcart.platform.domain;

import java.util.List;
import java.util.Objects;

/**
 * Input that breaks a rule of the domain: a missing field, a name of the wrong shape, a number out
 * of range. Carries one entry per offending field so that a client can show each next to its input.
 */
public class InvalidInputException extends DropcartException {
  private static final long serialVersionUID = 1L;

  /** One broken rule: the field (dotted path into the request) and what is wrong with it. */
  public record FieldError(String field, String message) implements java.io.Serializable {
    public FieldError {
      Objects.requireNonNull(field, "field is required.");
      Objects.requireNonNull(message, "message is required.");
    }
  }

  private final List<FieldError> errors;

  public InvalidInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public InvalidInputException(List<FieldError> errors) {
    super("invalid-input", summary(errors));
    this.errors = List.copyOf(errors);
  }

  private static String summary(List<FieldError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("An invalid input names at least one field.");
    }
    return errors.size() == 1
        ? errors.get(0).field() + ": " + errors.get(0).message()
        : errors.size() + " fields are invalid";
  }

  public List<FieldError> errors() {
    return errors;
  }
}
