package org.dropcart.group.infrastructure;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.json.JsonObject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.group.application.Dispatcher;
import org.dropcart.platform.infrastructure.messaging.MessageBodies;
import org.dropcart.platform.infrastructure.messaging.Messaging;
import org.dropcart.platform.infrastructure.tracing.Spans;

/**
 * The dispatch workers: one attempt per message on {@value Messaging#DISPATCH_QUEUE}. The
 * dispatcher records a failed attempt and queues the next itself (with its delay), so a message
 * fails here only when the node does (and is then redelivered).
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Messaging.RESOURCE_ADAPTER),
      @ActivationConfigProperty(propertyName = "destination", propertyValue = Messaging.DISPATCH_QUEUE),
      @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4"),
      @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
      @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "1000")
    })
public class DispatchConsumer implements MessageListener {
  private static final Logger LOG = Logger.getLogger(DispatchConsumer.class.getName());

  @Inject private Dispatcher dispatcher;
  @Inject private Spans spans;

  @Override
  public void onMessage(Message message) {
    String groupId;
    String dispatchId;
    try {
      JsonObject body = MessageBodies.read(message);
      groupId = body.getString("groupId");
      dispatchId = body.getString("dispatchId");
    } catch (MessageBodies.UnreadableMessageException | NullPointerException | ClassCastException e) {
      LOG.log(Level.WARNING, "Dropped an unreadable dispatch message: {0}", e.getMessage());
      return;
    }
    spans.run("group.dispatch", () -> dispatcher.attempt(groupId, dispatchId));
  }
}
