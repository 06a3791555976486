package org.dropcart.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEventTest {
  private static final Instant AT = Instant.parse("2026-01-10T09:00:00Z");

  @Test
  void keepsShortFieldsAsGiven() {
    AuditEvent event =
        new AuditEvent("id-1", AuditEventType.LOGGED_IN, "alice", "alice", "10.0.0.1", AT, "ok");

    assertThat(event.username()).isEqualTo("alice");
    assertThat(event.actor()).isEqualTo("alice");
    assertThat(event.remoteAddress()).isEqualTo("10.0.0.1");
    assertThat(event.detail()).isEqualTo("ok");
  }

  @Test
  void clipsNamesAndAddressToSixtyFourCharacters() {
    String long65 = "x".repeat(65);

    AuditEvent event =
        new AuditEvent("id-1", AuditEventType.LOGIN_FAILED, long65, long65, long65, AT, null);

    assertThat(event.username()).hasSize(64);
    assertThat(event.actor()).hasSize(64);
    assertThat(event.remoteAddress()).hasSize(64);
  }

  @Test
  void clipsTheDetailToItsMaximum() {
    String detail = "d".repeat(AuditEvent.MAX_DETAIL) + "tail";

    AuditEvent event =
        new AuditEvent("id-1", AuditEventType.LOGIN_FAILED, null, null, null, AT, detail);

    assertThat(event.detail()).isEqualTo("d".repeat(AuditEvent.MAX_DETAIL));
  }

  @Test
  void allowsTheOptionalFieldsToBeAbsent() {
    AuditEvent event =
        new AuditEvent("id-1", AuditEventType.LOGGED_OUT, null, null, null, AT, null);

    assertThat(event.username()).isNull();
    assertThat(event.actor()).isNull();
    assertThat(event.remoteAddress()).isNull();
    assertThat(event.detail()).isNull();
  }

  @Test
  void requiresAnIdATypeAndATime() {
    assertThatNullPointerException()
        .isThrownBy(() -> new AuditEvent(null, AuditEventType.LOGGED_IN, "a", "a", null, AT, null))
        .withMessageContaining("id");
    assertThatNullPointerException()
        .isThrownBy(() -> new AuditEvent("id-1", null, "a", "a", null, AT, null))
        .withMessageContaining("type");
    assertThatNullPointerException()
        .isThrownBy(
            () -> new AuditEvent("id-1", AuditEventType.LOGGED_IN, "a", "a", null, null, null))
        .withMessageContaining("time");
  }

  @Test
  void nowAssignsAFreshIdToEachEvent() {
    AuditEvent first = AuditEvent.now(AuditEventType.SIGNED_UP, "bob", "bob", "::1", AT, null);
    AuditEvent second = AuditEvent.now(AuditEventType.SIGNED_UP, "bob", "bob", "::1", AT, null);

    assertThat(first.id()).isNotBlank().isNotEqualTo(second.id());
    assertThat(first.occurredAt()).isEqualTo(AT);
    assertThat(first.type()).isEqualTo(AuditEventType.SIGNED_UP);
  }
}
