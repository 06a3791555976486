package org.dropcart.upload.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import org.dropcart.platform.infrastructure.messaging.MessageSender;
import org.dropcart.platform.infrastructure.messaging.Messaging;
import org.dropcart.upload.application.StoreQueue;

/**
 * Puts a complete upload's id on {@value Messaging#STORE_QUEUE}. The message leaves with the
 * transaction that completed the upload, so a client told "complete" has its upload queued even if
 * the process dies the next instant.
 */
@ApplicationScoped
public class JmsStoreQueue implements StoreQueue {
  @Inject private MessageSender sender;

  @Override
  public void enqueue(String uploadId) {
    sender.send(Messaging.STORE_QUEUE, Json.createObjectBuilder().add("uploadId", uploadId).build());
  }
}
