package org.dropcart.imports.infrastructure;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.imports.application.Importer;
import org.dropcart.platform.infrastructure.messaging.MessageBodies;
import org.dropcart.platform.infrastructure.messaging.Messaging;
import org.dropcart.platform.infrastructure.tracing.Spans;

/**
 * The import workers, two at a time. An import may run for minutes, so it runs outside any
 * transaction (each step commits its own); the message is acknowledged when the import has ended,
 * so a node that dies meanwhile leaves it to be redelivered and run again (the stored files it
 * already made are taken as they are).
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Messaging.RESOURCE_ADAPTER),
      @ActivationConfigProperty(propertyName = "destination", propertyValue = Messaging.IMPORT_QUEUE),
      @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2"),
      @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
      @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "1000")
    })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ImportConsumer implements MessageListener {
  private static final Logger LOG = Logger.getLogger(ImportConsumer.class.getName());

  @Inject private Importer importer;
  @Inject private Spans spans;

  @Override
  public void onMessage(Message message) {
    String importId;
    try {
      importId = MessageBodies.read(message).getString("importId");
    } catch (MessageBodies.UnreadableMessageException | NullPointerException | ClassCastException e) {
      LOG.log(Level.WARNING, "Dropped an unreadable import message: {0}", e.getMessage());
      return;
    }
    spans.run("import.run", () -> importer.run(importId));
  }
}
