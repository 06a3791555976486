package org.dropcart.platform.domain;

/** The thing existed but is no more (expired, terminated): asking again will not help. */
public class GoneException extends DropcartException {
  private static final long serialVersionUID = 1L;

  public GoneException(String kind, String message) {
    super(kind, message);
  }
}
