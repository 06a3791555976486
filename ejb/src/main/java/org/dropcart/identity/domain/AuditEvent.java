package org.dropcart.identity.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Something security-relevant that happened: who it concerned ({@code username}), who did it
 * ({@code actor}, the same person for their own sign-in), from where, when, and a short detail.
 * The id is assigned where the event happens, so recording it twice stores it once.
 */
public record AuditEvent(
    String id,
    AuditEventType type,
    String username,
    String actor,
    String remoteAddress,
    Instant occurredAt,
    String detail) {

  public static final int MAX_DETAIL = 1000;

  public AuditEvent {
    Objects.requireNonNull(id, "An event id is required.");
    Objects.requireNonNull(type, "An event type is required.");
    Objects.requireNonNull(occurredAt, "An event time is required.");
    username = clip(username, 64);
    actor = clip(actor, 64);
    remoteAddress = clip(remoteAddress, 64);
    detail = clip(detail, MAX_DETAIL);
  }

  public static AuditEvent now(
      AuditEventType type, String username, String actor, String remoteAddress, Instant at, String detail) {
    return new AuditEvent(UUID.randomUUID().toString(), type, username, actor, remoteAddress, at, detail);
  }

  /** Cuts to at most {@code max} chars, never between the two halves of a surrogate pair. */
  private static String clip(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
    return s.substring(0, end);
  }
}
