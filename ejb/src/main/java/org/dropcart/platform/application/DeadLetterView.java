package org.dropcart.platform.application;

import java.time.Instant;
import java.util.regex.Pattern;
import org.dropcart.platform.domain.InvalidInputException;

/**
 * One message in the dead-letter queue: where it came from, how often it was delivered, when it was
 * first sent (the broker does not stamp the move to the dead-letter queue), why (as far as the
 * broker tells) and the start of its body.
 */
public record DeadLetterView(
    String messageId,
    String originalQueue,
    int deliveryCount,
    Instant sentAt,
    String reason,
    String preview,
    long bodyLength) {

  /** How much of a body the console shows. */
  public static final int PREVIEW_CHARS = 300;

  /** How many dead letters a listing reads at most. */
  public static final int SCAN_LIMIT = 5_000;

  /** JMS message ids as the broker makes them ({@code ID:} and a UUID); nothing else reaches a selector. */
  private static final Pattern MESSAGE_ID = Pattern.compile("ID:[A-Za-z0-9._:-]{1,120}");

  /** The message id, checked so that it can go into a message selector as a literal. */
  public static String checkedId(String messageId) {
    if (messageId == null || !MESSAGE_ID.matcher(messageId).matches()) {
      throw new InvalidInputException("messageId", "must be a JMS message id (ID: followed by letters, digits,"
          + " dots, colons and dashes)");
    }
    return messageId;
  }

  /** The first {@link #PREVIEW_CHARS} characters of a body, marked when cut. */
  public static String preview(String body) {
    if (body == null) {
      return "";
    }
    return body.length() <= PREVIEW_CHARS ? body : body.substring(0, PREVIEW_CHARS) + "… (" + body.length()
        + " characters)";
  }

  /**
   * Why the message is here. The broker records an expiry; otherwise it was dead-lettered after
   * failing its delivery attempts, and the consumer's log (by queue and time) holds the cause: the
   * consumers log each failed attempt and keep no reason on the message.
   */
  public static String reason(boolean expired, int deliveryCount, int maxAttempts) {
    if (expired) {
      return "Expired before it was consumed";
    }
    int attempts = Math.max(deliveryCount, maxAttempts);
    return "Failed " + attempts + " delivery attempts (the consumer's log has each failure)";
  }
}
