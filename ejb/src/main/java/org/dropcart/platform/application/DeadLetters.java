package org.dropcart.platform.application;

import java.util.List;
import org.dropcart.platform.domain.Listing;
import org.dropcart.platform.domain.Page;

/**
 * The dead-letter queue as an operator sees it: the messages that failed every delivery attempt,
 * each of which can go back to the queue it came from (retry) or be dropped (discard); and how many
 * messages wait on each of Dropcart's queues.
 */
public interface DeadLetters {

  /**
   * A page of the dead letters. Sort fields: {@code sentAt} (default, newest first), {@code
   * originalQueue}, {@code deliveryCount}; filters: {@code originalQueue} and {@code messageId}
   * (contained, case-insensitive). At most {@link DeadLetterView#SCAN_LIMIT} messages are read.
   */
  Page<DeadLetterView> list(Listing listing);

  /**
   * Moves the message back to its original queue: taken from the dead-letter queue and sent there
   * in one transaction, so it is never in both or neither.
   *
   * @throws org.dropcart.platform.domain.NotFoundException when no such message is dead-lettered
   */
  void retry(String messageId);

  /** Drops the message for good. */
  void discard(String messageId);

  /** Messages waiting on each queue (the dead-letter queue included), each count capped. */
  List<QueueDepth> depths();
}
