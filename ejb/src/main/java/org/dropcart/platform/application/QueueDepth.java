package org.dropcart.platform.application;

/**
 * How many messages wait on a queue, and how many dead letters came from it. A count that reached
 * the cap is shown as "cap or more" ({@code capped}): counting means browsing, and a page polled
 * every few seconds must not read a backlog of millions.
 */
public record QueueDepth(String queue, long waiting, long deadLetters, boolean capped) {
  public String waitingText() {
    return capped ? waiting + "+" : Long.toString(waiting);
  }
}
