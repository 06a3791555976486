package org.dropcart.group.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.time.Duration;
import org.dropcart.group.application.DispatchQueue;
import org.dropcart.platform.infrastructure.messaging.MessageSender;
import org.dropcart.platform.infrastructure.messaging.Messaging;

/** Puts dispatch attempts on {@value Messaging#DISPATCH_QUEUE}, a retry as a delayed message. */
@ApplicationScoped
public class JmsDispatchQueue implements DispatchQueue {
  @Inject private MessageSender sender;

  @Override
  public void enqueue(String groupId, String dispatchId, Duration delay) {
    sender.send(Messaging.DISPATCH_QUEUE,
        Json.createObjectBuilder().add("groupId", groupId).add("dispatchId", dispatchId).build(), delay);
  }
}
