package org.dropcart.group.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.dropcart.group.application.ResultTopic;
import org.dropcart.platform.infrastructure.messaging.MessageSender;
import org.dropcart.platform.infrastructure.messaging.Messaging;

/** Publishes results on {@value Messaging#RESULT_TOPIC}: one small message per result, not per member. */
@ApplicationScoped
public class JmsResultTopic implements ResultTopic {
  @Inject private MessageSender sender;

  @Override
  public void publish(String poolId, JsonObject resultReady) {
    sender.publish(Messaging.RESULT_TOPIC,
        Json.createObjectBuilder().add("poolId", poolId).add("message", resultReady).build());
  }
}
