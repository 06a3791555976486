package org.dropcart.identity.infrastructure;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.identity.application.AuditLog;
import org.dropcart.identity.domain.AuditEvent;
import org.dropcart.identity.domain.AuditEventType;
import org.dropcart.platform.infrastructure.messaging.MessageBodies;
import org.dropcart.platform.infrastructure.messaging.Messaging;
import org.dropcart.platform.infrastructure.tracing.Spans;

/**
 * Records each audit event from {@code AuditQueue}. A failure to store throws, so the broker
 * redelivers (three attempts, then the dead-letter queue); a redelivered event is stored once.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Messaging.RESOURCE_ADAPTER),
      @ActivationConfigProperty(propertyName = "destination", propertyValue = Messaging.AUDIT_QUEUE),
      @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2"),
      @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
      @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "1000")
    })
public class AuditEventConsumer implements MessageListener {
  private static final Logger LOG = Logger.getLogger(AuditEventConsumer.class.getName());

  @Inject private AuditLog auditLog;
  @Inject private Spans spans;

  @Override
  public void onMessage(Message message) {
    AuditEvent event;
    try {
      event = toEvent(MessageBodies.read(message));
    } catch (MessageBodies.UnreadableMessageException | IllegalArgumentException | NullPointerException e) {
      LOG.log(Level.WARNING, "Dropped an unreadable audit message: {0}", e.getMessage());
      return;
    }
    spans.run("audit.record", () -> auditLog.record(event));
  }

  private static AuditEvent toEvent(JsonObject body) {
    return new AuditEvent(
        body.getString("id"),
        AuditEventType.valueOf(body.getString("type")),
        body.getString("username", null),
        body.getString("actor", null),
        body.getString("remoteAddress", null),
        Instant.parse(body.getString("occurredAt")),
        body.getString("detail", null));
  }
}
