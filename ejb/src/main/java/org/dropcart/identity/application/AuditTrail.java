package org.dropcart.identity.application;

import org.dropcart.identity.domain.AuditEvent;

/**
 * Where identity publishes its audit events. The event is handed over inside the caller's
 * transaction and recorded asynchronously, so auditing never slows or fails a sign-in.
 */
public interface AuditTrail {
  void publish(AuditEvent event);
}
