package org.dropcart.function.infrastructure;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.function.application.Invoker;
import org.dropcart.platform.infrastructure.messaging.MessageBodies;
import org.dropcart.platform.infrastructure.messaging.Messaging;
import org.dropcart.platform.infrastructure.tracing.Spans;

/**
 * The invocation workers. {@code maxSession} is the ceiling ({@value Invoker#MAX_WORKERS}); the
 * {@link Invoker}'s slots hold a node to {@code dropcart.faas.workers} processes at once (an
 * annotation cannot read the application's configuration). A call may run for its whole timeout,
 * so it runs outside any transaction (each state change commits its own); the message is
 * acknowledged when the call has ended, and a node that dies meanwhile leaves it to be redelivered
 * (a call is only ever taken from PENDING, so a duplicate does nothing).
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Messaging.RESOURCE_ADAPTER),
      @ActivationConfigProperty(propertyName = "destination", propertyValue = Messaging.INVOKE_QUEUE),
      @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "16"),
      @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
      @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "1000")
    })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InvokeConsumer implements MessageListener {
  private static final Logger LOG = Logger.getLogger(InvokeConsumer.class.getName());

  @Inject private Invoker invoker;
  @Inject private Spans spans;

  @Override
  public void onMessage(Message message) {
    long callNum;
    try {
      callNum = MessageBodies.read(message).getJsonNumber("callNum").longValueExact();
    } catch (MessageBodies.UnreadableMessageException | NullPointerException | ClassCastException
        | ArithmeticException e) {
      LOG.log(Level.WARNING, "Dropped an unreadable invocation message: {0}", e.getMessage());
      return;
    }
    spans.run("faas.invoke", () -> {
      try {
        invoker.run(callNum);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }
}
