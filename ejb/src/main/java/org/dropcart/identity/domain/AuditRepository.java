package org.dropcart.identity.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The audit log. */
public interface AuditRepository {
  /** Stores the record unless one with its id is already there; returns whether it stored it. */
  boolean storeOnce(AuditRecord record);

  List<AuditRecord> newestFirst(
      Optional<AuditEventType> type, Optional<String> username, int offset, int limit);

  long count(Optional<AuditEventType> type, Optional<String> username);

  int purgeBefore(Instant cutoff);
}
