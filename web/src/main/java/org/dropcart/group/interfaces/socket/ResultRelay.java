package org.dropcart.group.interfaces.socket;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.json.JsonObject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.group.application.Deliveries;
import org.dropcart.platform.application.Notification;
import org.dropcart.platform.infrastructure.messaging.MessageBodies;
import org.dropcart.platform.infrastructure.messaging.Messaging;
import org.dropcart.platform.interfaces.socket.SocketSessions;

/**
 * Pushes each result published on {@value Messaging#RESULT_TOPIC} to the pool's members connected
 * to this node. Each node subscribes on its own (non-durably): a member offline everywhere finds
 * the result pending when it connects. The push only queues a message per session; slow sockets
 * hold up nobody else.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Messaging.RESOURCE_ADAPTER),
      @ActivationConfigProperty(propertyName = "destination", propertyValue = Messaging.RESULT_TOPIC),
      @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
      @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "NonDurable"),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1"),
      @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
      @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "1000")
    })
public class ResultRelay implements MessageListener {
  private static final Logger LOG = Logger.getLogger(ResultRelay.class.getName());

  @Inject private SocketSessions sessions;
  @Inject private Deliveries deliveries;

  @Override
  public void onMessage(Message message) {
    String poolId;
    JsonObject resultReady;
    try {
      JsonObject body = MessageBodies.read(message);
      poolId = body.getString("poolId");
      resultReady = body.getJsonObject("message");
    } catch (MessageBodies.UnreadableMessageException | NullPointerException | ClassCastException e) {
      LOG.log(Level.WARNING, "Dropped an unreadable result message: {0}", e.getMessage());
      return;
    }
    if (sessions.count() == 0) {
      return;
    }
    sessions.deliver(new Notification(Deliveries.RESULT_READY, deliveries.recipients(poolId), false, resultReady));
  }
}
