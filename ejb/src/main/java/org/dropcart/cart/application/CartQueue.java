package org.dropcart.cart.application;

/** Carts waiting to be staged: one message per cart, sent when the transaction commits. */
public interface CartQueue {
  void enqueue(String cartId);
}
