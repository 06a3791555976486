package org.dropcart.platform.domain;

/** The request is well formed but contradicts what is stored (a taken name, a stale version). */
public class ConflictException extends DropcartException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String kind, String message) {
    super(kind, message);
  }
}
