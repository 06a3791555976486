package org.dropcart.identity.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.dropcart.identity.application.AuditTrail;
import org.dropcart.identity.domain.AuditEvent;
import org.dropcart.platform.infrastructure.messaging.MessageSender;
import org.dropcart.platform.infrastructure.messaging.Messaging;

/** Publishes audit events to {@code AuditQueue}; {@link AuditEventConsumer} records them. */
@ApplicationScoped
public class JmsAuditTrail implements AuditTrail {
  @Inject private MessageSender sender;

  @Override
  public void publish(AuditEvent event) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("id", event.id())
            .add("type", event.type().name())
            .add("occurredAt", event.occurredAt().toString());
    addIfPresent(body, "username", event.username());
    addIfPresent(body, "actor", event.actor());
    addIfPresent(body, "remoteAddress", event.remoteAddress());
    addIfPresent(body, "detail", event.detail());
    sender.send(Messaging.AUDIT_QUEUE, body.build());
  }

  private static void addIfPresent(JsonObjectBuilder body, String name, String value) {
    if (value != null) {
      body.add(name, value);
    }
  }
}
