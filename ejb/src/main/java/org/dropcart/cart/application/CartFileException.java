package org.dropcart.cart.application;

/**
 * A file of a cart could not be had as asked: missing, not readable by the cart's owner, a wrong
 * hash, an unreachable archive. Its message names the file and is what the client sees in {@code
 * X-Pacifica-Message}.
 */
public class CartFileException extends Exception {
  private static final long serialVersionUID = 1L;

  public CartFileException(String message) {
    super(message);
  }

  public CartFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
