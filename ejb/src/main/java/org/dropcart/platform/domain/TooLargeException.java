package org.dropcart.platform.domain;

/** More bytes than a limit allows. */
public class TooLargeException extends DropcartException {
  private static final long serialVersionUID = 1L;
  private final String kind;

  public TooLargeException(String kind, String message) {
    super(message);
    this.kind = kind;
  }

  @Override
  public String kind() {
    return kind;
  }
}
