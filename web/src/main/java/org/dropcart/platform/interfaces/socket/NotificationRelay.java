package org.dropcart.platform.interfaces.socket;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.dropcart.platform.application.Notification;
import org.dropcart.platform.infrastructure.messaging.MessageBodies;
import org.dropcart.platform.infrastructure.messaging.Messaging;

/**
 * Relays every notification published on {@value Messaging#NOTIFICATION_TOPIC} to this node's
 * WebSocket sessions. Each node subscribes (non-durably) on its own, so a user connected to any
 * node is told.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Messaging.RESOURCE_ADAPTER),
      @ActivationConfigProperty(propertyName = "destination", propertyValue = Messaging.NOTIFICATION_TOPIC),
      @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
      @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "NonDurable"),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1"),
      @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
      @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "1000")
    })
public class NotificationRelay implements MessageListener {
  private static final Logger LOG = Logger.getLogger(NotificationRelay.class.getName());

  @Inject private SocketSessions sessions;

  @Override
  public void onMessage(Message message) {
    Notification notification;
    try {
      JsonObject body = MessageBodies.read(message);
      notification = new Notification(body.getString("type"),
          body.getJsonArray("userIds").getValuesAs(JsonString.class).stream().map(JsonString::getString)
              .collect(Collectors.toSet()),
          body.getBoolean("admins", false), body.getJsonObject("payload"));
    } catch (MessageBodies.UnreadableMessageException | NullPointerException | ClassCastException e) {
      LOG.log(Level.WARNING, "Dropped an unreadable notification: {0}", e.getMessage());
      return;
    }
    sessions.deliver(notification);
  }
}
