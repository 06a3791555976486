package org.dropcart.platform.domain;

/**
 * A service Dropcart depends on (the broker, the database) cannot be reached now. Nothing the
 * request asked for was done: its transaction rolls back, and the same request succeeds once the
 * service is back.
 */
public class UnavailableException extends DropcartException {
  private static final long serialVersionUID = 1L;

  public UnavailableException(String kind, String message, Throwable cause) {
    super(kind, message);
    initCause(cause);
  }
}
