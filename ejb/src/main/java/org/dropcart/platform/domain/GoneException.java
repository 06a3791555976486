package org.dropcart.platform.domain;

/** The thing existed but is no more (expired, terminated): asking again will not help. */
public class GoneException extends DropcartException {
  private static final long serialVersionUID = 1L;
  private final String kind;

  public GoneException(String kind, String message) {
    super(message);
    this.kind = kind;
  }

  @Override
  public String kind() {
    return kind;
  }
}
