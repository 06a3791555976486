package org.dropcart.platform.domain;

/** The volume has no room for more bytes now; what was accepted before stays, and room may return. */
public class InsufficientStorageException extends DropcartException {
  private static final long serialVersionUID = 1L;

  public InsufficientStorageException(String kind, String message) {
    super(kind, message);
  }
}
