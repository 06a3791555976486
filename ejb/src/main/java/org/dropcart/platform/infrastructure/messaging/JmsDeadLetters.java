package org.dropcart.platform.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.platform.application.DeadLetterView;
import org.dropcart.platform.application.DeadLetters;
import org.dropcart.platform.application.QueueDepth;
import org.dropcart.platform.domain.ConflictException;
import org.dropcart.platform.domain.Listing;
import org.dropcart.platform.domain.NotFoundException;
import org.dropcart.platform.domain.Page;

/**
 * The dead-letter queue over plain Jakarta Messaging through the application's connection factory,
 * so it works the same with the embedded broker and an external one: a {@link QueueBrowser} reads
 * without consuming; retry and discard receive the one message by a {@code JMSMessageID} selector
 * inside the container transaction (the resource adapter enlists the session), so a retried message
 * leaves the dead-letter queue exactly when its copy reaches its queue.
 *
 * <p>Queue depths are counted by browsing, capped: Artemis management over JMS would give exact
 * counts cheaply but needs the management address and its roles configured on an external broker;
 * browsing needs nothing beyond what the consumers already have.
 */
@Stateless
public class JmsDeadLetters implements DeadLetters {
  private static final Logger LOG = Logger.getLogger(JmsDeadLetters.class.getName());

  /** Artemis sets these on a message it moves to the dead-letter (or expiry) address. */
  static final String ORIGINAL_QUEUE = "_AMQ_ORIG_QUEUE";
  static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";
  static final String ACTUAL_EXPIRY = "_AMQ_ACTUAL_EXPIRY";

  /** The queues the dashboard shows, in the order of the work they carry. */
  static final List<String> QUEUES = List.of(Messaging.STORE_QUEUE, Messaging.DISPATCH_QUEUE,
      Messaging.IMPORT_QUEUE, Messaging.INVOKE_QUEUE, Messaging.CART_QUEUE, Messaging.AUDIT_QUEUE);

  /** How many messages a depth count browses at most per queue. */
  static final int DEPTH_CAP = 1_000;

  private static final long RECEIVE_WAIT_MILLIS = 2_000;
  private static final Set<String> SORTS = Set.of("sentAt", "originalQueue", "deliveryCount");

  @Resource(lookup = Messaging.CONNECTION_FACTORY)
  private ConnectionFactory connectionFactory;

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Page<DeadLetterView> list(Listing listing) {
    String queue = listing.filter("originalQueue").map(q -> q.toLowerCase(Locale.ROOT)).orElse(null);
    String id = listing.filter("messageId").map(q -> q.toLowerCase(Locale.ROOT)).orElse(null);
    List<DeadLetterView> rows = new ArrayList<>();
    try (JMSContext context = connectionFactory.createContext();
        QueueBrowser browser = context.createBrowser(context.createQueue(Messaging.DEAD_LETTER_QUEUE))) {
      Enumeration<?> messages = browser.getEnumeration();
      for (int n = 0; messages.hasMoreElements() && n < DeadLetterView.SCAN_LIMIT; n++) {
        DeadLetterView row = view((Message) messages.nextElement());
        if ((queue == null || row.originalQueue().toLowerCase(Locale.ROOT).contains(queue))
            && (id == null || row.messageId().toLowerCase(Locale.ROOT).contains(id))) {
          rows.add(row);
        }
      }
    } catch (JMSException e) {
      throw new IllegalStateException("Could not browse the dead-letter queue", e);
    }
    Comparator<DeadLetterView> order = switch (listing.sortOr(SORTS, "sentAt")) {
      case "originalQueue" -> Comparator.comparing(DeadLetterView::originalQueue);
      case "deliveryCount" -> Comparator.comparingInt(DeadLetterView::deliveryCount);
      default -> Comparator.comparing(DeadLetterView::sentAt, Comparator.nullsFirst(Comparator.naturalOrder()));
    };
    rows.sort(listing.descendingOr(SORTS, true) ? order.reversed() : order);
    return Page.slice(rows, listing.page());
  }

  @Override
  public void retry(String messageId) {
    try (JMSContext context = connectionFactory.createContext()) {
      Message message = take(context, messageId);
      String origin = originalQueue(message);
      if (origin.isEmpty()) {
        throw new ConflictException("no-origin", "Message " + messageId + " does not say which queue it came"
            + " from; discard it instead");
      }
      context.createProducer().send(context.createQueue(origin), copy(context, message));
      LOG.log(Level.INFO, "Dead letter {0} sent back to {1}", new Object[] {messageId, origin});
    } catch (JMSException e) {
      throw new IllegalStateException("Could not retry dead letter " + messageId, e);
    }
  }

  @Override
  public void discard(String messageId) {
    try (JMSContext context = connectionFactory.createContext()) {
      take(context, messageId);
      LOG.log(Level.INFO, "Dead letter {0} discarded", messageId);
    }
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public List<QueueDepth> depths() {
    List<QueueDepth> depths = new ArrayList<>();
    try (JMSContext context = connectionFactory.createContext()) {
      Map<String, Long> dead = deadLettersByQueue(context);
      for (String queue : QUEUES) {
        long waiting = count(context, queue);
        depths.add(new QueueDepth(queue, waiting, dead.getOrDefault(queue, 0L), waiting >= DEPTH_CAP));
      }
      long dlq = dead.values().stream().mapToLong(Long::longValue).sum();
      depths.add(new QueueDepth(Messaging.DEAD_LETTER_QUEUE, dlq, dlq, dlq >= DeadLetterView.SCAN_LIMIT));
    } catch (JMSException e) {
      throw new IllegalStateException("Could not browse the queues", e);
    }
    return depths;
  }

  private static long count(JMSContext context, String queue) throws JMSException {
    try (QueueBrowser browser = context.createBrowser(context.createQueue(queue))) {
      Enumeration<?> messages = browser.getEnumeration();
      long n = 0;
      while (n < DEPTH_CAP && messages.hasMoreElements()) {
        messages.nextElement();
        n++;
      }
      return n;
    }
  }

  private static Map<String, Long> deadLettersByQueue(JMSContext context) throws JMSException {
    Map<String, Long> counts = new HashMap<>();
    try (QueueBrowser browser = context.createBrowser(context.createQueue(Messaging.DEAD_LETTER_QUEUE))) {
      Enumeration<?> messages = browser.getEnumeration();
      for (int n = 0; n < DeadLetterView.SCAN_LIMIT && messages.hasMoreElements(); n++) {
        counts.merge(originalQueue((Message) messages.nextElement()), 1L, Long::sum);
      }
    }
    return counts;
  }

  /** Receives the one dead letter with this id in the caller's transaction. */
  private static Message take(JMSContext context, String messageId) {
    String selector = "JMSMessageID = '" + DeadLetterView.checkedId(messageId) + "'";
    Message message = context.createConsumer(context.createQueue(Messaging.DEAD_LETTER_QUEUE), selector)
        .receive(RECEIVE_WAIT_MILLIS);
    if (message == null) {
      throw new NotFoundException("unknown-dead-letter", "No message " + messageId
          + " in the dead-letter queue (already retried or discarded?)");
    }
    return message;
  }

  /** A fresh message with the same body and application properties, for its original queue. */
  private static Message copy(JMSContext context, Message message) throws JMSException {
    Message copy;
    if (message instanceof TextMessage text) {
      copy = context.createTextMessage(text.getText());
    } else if (message instanceof BytesMessage bytes) {
      byte[] body = new byte[(int) bytes.getBodyLength()];
      bytes.readBytes(body);
      BytesMessage b = context.createBytesMessage();
      b.writeBytes(body);
      copy = b;
    } else {
      throw new ConflictException("unsupported-body", "Only text and bytes messages can be retried");
    }
    for (String name : Collections.list((Enumeration<String>) message.getPropertyNames())) {
      if (!name.startsWith("JMS") && !name.startsWith("_AMQ") && !name.startsWith("__AMQ")) {
        copy.setObjectProperty(name, message.getObjectProperty(name));
      }
    }
    copy.setJMSCorrelationID(message.getJMSCorrelationID());
    copy.setJMSType(message.getJMSType());
    return copy;
  }

  private static DeadLetterView view(Message m) throws JMSException {
    int deliveries = m.propertyExists("JMSXDeliveryCount") ? m.getIntProperty("JMSXDeliveryCount") : 0;
    String body;
    long length;
    if (m instanceof TextMessage text) {
      body = text.getText();
      length = body == null ? 0 : body.length();
    } else if (m instanceof BytesMessage bytes) {
      length = bytes.getBodyLength();
      byte[] head = new byte[(int) Math.min(length, DeadLetterView.PREVIEW_CHARS + 1)];
      bytes.readBytes(head);
      body = new String(head, StandardCharsets.UTF_8);
    } else {
      body = "(" + m.getClass().getSimpleName() + ": body not shown)";
      length = 0;
    }
    return new DeadLetterView(
        m.getJMSMessageID(),
        originalQueue(m),
        deliveries,
        m.getJMSTimestamp() == 0 ? null : Instant.ofEpochMilli(m.getJMSTimestamp()),
        DeadLetterView.reason(m.propertyExists(ACTUAL_EXPIRY), deliveries, Messaging.MAX_DELIVERY_ATTEMPTS),
        DeadLetterView.preview(body),
        length);
  }

  private static String originalQueue(Message m) {
    try {
      for (String property : List.of(ORIGINAL_QUEUE, ORIGINAL_ADDRESS)) {
        if (m.propertyExists(property)) {
          return String.valueOf(m.getObjectProperty(property));
        }
      }
    } catch (JMSException e) {
      LOG.log(Level.FINE, "Unreadable origin of a dead letter", e);
    }
    return "";
  }
}
