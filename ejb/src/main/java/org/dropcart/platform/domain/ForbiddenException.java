package org.dropcart.platform.domain;

/** The caller is known but may not do this. */
public class ForbiddenException extends DropcartException {
  private static final long serialVersionUID = 1L;

  public ForbiddenException(String kind, String message) {
    super(kind, message);
  }
}
