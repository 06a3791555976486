package org.dropcart.cart.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import org.dropcart.cart.application.CartQueue;
import org.dropcart.platform.infrastructure.messaging.MessageSender;
import org.dropcart.platform.infrastructure.messaging.Messaging;

/** Puts carts to stage on {@value Messaging#CART_QUEUE}. */
@ApplicationScoped
public class JmsCartQueue implements CartQueue {
  @Inject private MessageSender sender;

  @Override
  public void enqueue(String cartId) {
    sender.send(Messaging.CART_QUEUE, Json.createObjectBuilder().add("cartId", cartId).build());
  }
}
