package org.dropcart.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** An {@link AuditEvent} as the audit log keeps it. Records are never changed, only purged. */
@Entity
@Table(name = "audit_records")
@NamedQuery(name = "AuditRecord.purgeBefore", query = "DELETE FROM AuditRecord r WHERE r.occurredAt < :cutoff")
public class AuditRecord {
  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Enumerated(EnumType.STRING)
  @Column(name = "event_type", nullable = false, length = 32)
  private AuditEventType type;

  @Column(name = "username", length = 64)
  private String username;

  @Column(name = "actor", length = 64)
  private String actor;

  @Column(name = "remote_address", length = 64)
  private String remoteAddress;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "detail", length = AuditEvent.MAX_DETAIL)
  private String detail;

  protected AuditRecord() {}

  public AuditRecord(AuditEvent event) {
    this.id = event.id();
    this.type = event.type();
    this.username = event.username();
    this.actor = event.actor();
    this.remoteAddress = event.remoteAddress();
    this.occurredAt = event.occurredAt();
    this.detail = event.detail();
  }

  public AuditEvent toEvent() {
    return new AuditEvent(id, type, username, actor, remoteAddress, occurredAt, detail);
  }
}
