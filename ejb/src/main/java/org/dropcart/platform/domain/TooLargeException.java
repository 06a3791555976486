package org.dropcart.platform.domain;

/** More bytes than a limit allows. */
public class TooLargeException extends DropcartException {
  private static final long serialVersionUID = 1L;

  public TooLargeException(String kind, String message) {
    super(kind, message);
  }
}
