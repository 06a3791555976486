package org.dropcart.platform.infrastructure.messaging;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/** Reads the JSON envelope {@link MessageSender} writes, for the consuming MDBs. */
public final class MessageBodies {
  private MessageBodies() {}

  /**
   * The JSON body of a message, or an {@link UnreadableMessageException} when it is not a text
   * message of a version this build understands. Such a message can never succeed, so consumers
   * log and drop it instead of letting the broker redeliver it.
   */
  public static JsonObject read(Message message) {
    if (!(message instanceof TextMessage text)) {
      throw new UnreadableMessageException("not a text message: " + message.getClass().getName());
    }
    JsonObject body;
    try (JsonReader reader = Json.createReader(new StringReader(text.getText()))) {
      body = reader.readObject();
    } catch (JMSException | JsonException e) {
      throw new UnreadableMessageException("unreadable JSON body: " + e.getMessage());
    }
    int version = body.getInt("v", -1);
    if (version != Messaging.PAYLOAD_VERSION) {
      throw new UnreadableMessageException("unsupported payload version " + version);
    }
    return body;
  }

  /** A message that no number of redeliveries can make readable. */
  public static final class UnreadableMessageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnreadableMessageException(String message) {
      super(message);
    }
  }
}
