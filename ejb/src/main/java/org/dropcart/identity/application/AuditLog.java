package org.dropcart.identity.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dropcart.identity.domain.AuditEvent;
import org.dropcart.identity.domain.AuditEventType;
import org.dropcart.identity.domain.AuditRecord;
import org.dropcart.identity.domain.AuditRepository;
import org.dropcart.identity.domain.Username;
import org.dropcart.platform.domain.InvalidInputException;
import org.dropcart.platform.domain.Page;
import org.dropcart.platform.domain.PageRequest;

/** Records audit events and lets admins read them back, newest first. */
@Stateless
public class AuditLog {
  @Inject private AuditRepository records;
  @Inject private IdentitySettings settings;
  @Inject private Clock clock;

  /** Stores the event once, however many times it is delivered. */
  public boolean record(AuditEvent event) {
    return records.storeOnce(new AuditRecord(event));
  }

  public Page<AuditEvent> page(PageRequest page, String type, String username) {
    Optional<AuditEventType> eventType = Optional.ofNullable(type).map(AuditLog::eventType);
    Optional<String> user = Optional.ofNullable(username).map(u -> new Username(u).value());
    var items =
        records.newestFirst(eventType, user, page.offset(), page.size()).stream()
            .map(AuditRecord::toEvent)
            .toList();
    return Page.of(items, page, records.count(eventType, user));
  }

  private static AuditEventType eventType(String name) {
    try {
      return AuditEventType.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "type",
          "must be one of "
              + Arrays.stream(AuditEventType.values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
  }

  /** Deletes records older than {@code dropcart.audit.retention}; returns how many. */
  public int purgeExpired() {
    Instant cutoff =
        clock.instant().atOffset(ZoneOffset.UTC).minus(settings.auditRetention()).toInstant();
    return records.purgeBefore(cutoff);
  }
}
