package org.dropcart.platform.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * Sends JSON text messages to a queue inside the caller's JTA transaction: the message leaves only
 * when the transaction commits, and is forgotten when it rolls back. Every body carries the
 * envelope version {@code v} so consumers can refuse what they do not understand.
 */
@ApplicationScoped
public class MessageSender {
  @Inject
  @JMSConnectionFactory(Messaging.CONNECTION_FACTORY)
  private JMSContext context;

  public void send(String queue, JsonObject body) {
    context.createProducer().send(context.createQueue(queue), envelope(body));
  }

  /** As {@link #send(String, JsonObject)}, delivered no sooner than {@code delay} after the commit. */
  public void send(String queue, JsonObject body, java.time.Duration delay) {
    context.createProducer().setDeliveryDelay(Math.max(0, delay.toMillis()))
        .send(context.createQueue(queue), envelope(body));
  }

  /** Publishes to a topic: every subscriber (one per node) receives it. */
  public void publish(String topic, JsonObject body) {
    context.createProducer().send(context.createTopic(topic), envelope(body));
  }

  private static String envelope(JsonObject body) {
    JsonObjectBuilder envelope = Json.createObjectBuilder(body).add("v", Messaging.PAYLOAD_VERSION);
    return envelope.build().toString();
  }
}
