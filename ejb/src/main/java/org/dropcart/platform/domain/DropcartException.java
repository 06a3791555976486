package org.dropcart.platform.domain;

import jakarta.ejb.ApplicationException;

/**
 * Root of the business outcomes that are not successes: an unknown thing, a conflict with what is
 * stored, input that breaks a rule, an action the caller may not take. Each one rolls back the
 * transaction it happens in, so a refused request leaves no partial state behind.
 *
 * <p>The adapters translate the concrete subtype into their own vocabulary (an HTTP status and a
 * problem body, a WebSocket error message); the domain never speaks HTTP.
 */
@ApplicationException(inherited = true, rollback = true)
public abstract class DropcartException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String kind;

  protected DropcartException(String kind, String message) {
    super(message);
    this.kind = java.util.Objects.requireNonNull(kind, "A problem has a kind.");
  }

  /** A short, stable, URL-safe name of the kind of problem, e.g. {@code username-taken}. */
  public String kind() {
    return kind;
  }
}
