package org.dropcart.platform.application;

/**
 * Publishes notifications to every node, inside the caller's transaction: a notification about a
 * change leaves only if the change commits.
 */
public interface Notifier {
  void publish(Notification notification);
}
