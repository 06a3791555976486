package org.dropcart.function.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import org.dropcart.function.application.InvokeQueue;
import org.dropcart.platform.infrastructure.messaging.MessageSender;
import org.dropcart.platform.infrastructure.messaging.Messaging;

/** Puts calls on {@value Messaging#INVOKE_QUEUE}. */
@ApplicationScoped
public class JmsInvokeQueue implements InvokeQueue {
  @Inject private MessageSender sender;

  @Override
  public void enqueue(long callNum) {
    sender.send(Messaging.INVOKE_QUEUE, Json.createObjectBuilder().add("callNum", callNum).build());
  }
}
