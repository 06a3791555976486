package org.dropcart.platform.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import org.dropcart.platform.application.Notification;
import org.dropcart.platform.application.Notifier;

/** Publishes each notification on {@value Messaging#NOTIFICATION_TOPIC}, which every node's gateway reads. */
@ApplicationScoped
public class JmsNotifier implements Notifier {
  @Inject private MessageSender sender;

  @Override
  public void publish(Notification n) {
    JsonArrayBuilder users = Json.createArrayBuilder();
    n.userIds().forEach(users::add);
    sender.publish(Messaging.NOTIFICATION_TOPIC, Json.createObjectBuilder()
        .add("type", n.type())
        .add("userIds", users)
        .add("admins", n.admins())
        .add("payload", n.payload())
        .build());
  }
}
