package org.dropcart.platform.domain;

/** The thing asked for does not exist (or the caller may not know that it exists). */
public class NotFoundException extends DropcartException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String kind, String message) {
    super(kind, message);
  }
}
