package org.dropcart.platform.domain;

/** Someone else is working on the same thing right now; try again once they are done. */
public class BusyException extends DropcartException {
  private static final long serialVersionUID = 1L;

  public BusyException(String kind, String message) {
    super(kind, message);
  }
}
