package org.dropcart.imports.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import org.dropcart.imports.application.ImportQueue;
import org.dropcart.platform.infrastructure.messaging.MessageSender;
import org.dropcart.platform.infrastructure.messaging.Messaging;

/** Puts imports on {@value Messaging#IMPORT_QUEUE}. */
@ApplicationScoped
public class JmsImportQueue implements ImportQueue {
  @Inject private MessageSender sender;

  @Override
  public void enqueue(String importId) {
    sender.send(Messaging.IMPORT_QUEUE, Json.createObjectBuilder().add("importId", importId).build());
  }
}
