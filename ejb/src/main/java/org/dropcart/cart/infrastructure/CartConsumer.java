package org.dropcart.cart.infrastructure;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.cart.application.CartStaging;
import org.dropcart.platform.infrastructure.messaging.MessageBodies;
import org.dropcart.platform.infrastructure.messaging.Messaging;
import org.dropcart.platform.infrastructure.tracing.Spans;

/**
 * The staging workers: one cart per message on {@value Messaging#CART_QUEUE}, up to four carts at
 * once. Staging takes as long as its files do, so it runs outside a transaction (each status change
 * is a short one); a node that dies meanwhile leaves the cart in {@code staging}, and {@link
 * CartRecovery} stages it again after the restart.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Messaging.RESOURCE_ADAPTER),
      @ActivationConfigProperty(propertyName = "destination", propertyValue = Messaging.CART_QUEUE),
      @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4"),
      @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
      @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "1000")
    })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CartConsumer implements MessageListener {
  private static final Logger LOG = Logger.getLogger(CartConsumer.class.getName());

  @Inject private CartStaging staging;
  @Inject private Spans spans;

  @Override
  public void onMessage(Message message) {
    String cartId;
    try {
      cartId = MessageBodies.read(message).getString("cartId");
    } catch (MessageBodies.UnreadableMessageException | NullPointerException | ClassCastException e) {
      LOG.log(Level.WARNING, "Dropped an unreadable cart message: {0}", e.getMessage());
      return;
    }
    spans.run("cart.stage", () -> staging.stage(cartId));
  }
}
