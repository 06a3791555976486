package org.dropcart.platform.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.dropcart.platform.domain.UnavailableException;
import org.dropcart.platform.infrastructure.Outages;

/**
 * Sends JSON text messages to a queue inside the caller's JTA transaction: the message leaves only
 * when the transaction commits, and is forgotten when it rolls back. Every body carries the
 * envelope version {@code v} so consumers can refuse what they do not understand.
 *
 * <p>A send the broker cannot take (it is down or unreachable) fails at once with {@link
 * UnavailableException} {@code broker-unavailable}: the caller's transaction rolls back and an HTTP
 * client gets a 503 to retry, instead of a 500.
 */
@ApplicationScoped
public class MessageSender {
  // Not an injected JMSContext: GlassFish's transaction-scoped context manager takes one
  // server-wide monitor in getContext(), so a single send stuck on a dying broker connection held
  // every other request's send for ~30 s (seen in a thread dump). A context per send is what the
  // pool hands out within the transaction anyway, enlisted once per transaction.
  @Resource(lookup = Messaging.CONNECTION_FACTORY)
  private ConnectionFactory factory;

  public void send(String queue, JsonObject body) {
    sending(context -> context.createProducer().send(context.createQueue(queue), envelope(body)));
  }

  /** As {@link #send(String, JsonObject)}, delivered no sooner than {@code delay} after the commit. */
  public void send(String queue, JsonObject body, java.time.Duration delay) {
    sending(context -> context.createProducer().setDeliveryDelay(Math.max(0, delay.toMillis()))
        .send(context.createQueue(queue), envelope(body)));
  }

  /** Publishes to a topic: every subscriber (one per node) receives it. */
  public void publish(String topic, JsonObject body) {
    sending(context -> context.createProducer().send(context.createTopic(topic), envelope(body)));
  }

  private void sending(java.util.function.Consumer<JMSContext> send) {
    try (JMSContext context = factory.createContext()) {
      send.accept(context);
    } catch (JMSRuntimeException e) {
      throw new UnavailableException("broker-unavailable", Outages.detail("broker-unavailable"), e);
    }
  }

  private static String envelope(JsonObject body) {
    JsonObjectBuilder envelope = Json.createObjectBuilder(body).add("v", Messaging.PAYLOAD_VERSION);
    return envelope.build().toString();
  }
}
