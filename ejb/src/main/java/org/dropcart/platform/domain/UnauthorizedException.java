package org.dropcart.platform.domain;

/** The caller did not prove who it is (or what it may do) with what it sent: a bad key or token. */
public class UnauthorizedException extends DropcartException {
  private static final long serialVersionUID = 1L;

  public UnauthorizedException(String kind, String message) {
    super(kind, message);
  }
}
