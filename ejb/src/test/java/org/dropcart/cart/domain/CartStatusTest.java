package org.dropcart.cart.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CartStatusTest {
  private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

  private static Cart cart(boolean bundle) {
    return new Cart("u-1", "user-1", "alice", false, bundle, List.of(), T);
  }

  @Test
  void aCartMovesForwardThroughStagingAndBundlingToReady() {
    Cart c = cart(true);
    assertThat(c.status()).isEqualTo(CartStatus.WAITING);
    assertThat(c.advance(CartStatus.STAGING, T)).isTrue();
    assertThat(c.advance(CartStatus.BUNDLING, T)).isTrue();
    assertThat(c.advance(CartStatus.READY, T.plusSeconds(5))).isTrue();
    assertThat(c.status()).isEqualTo(CartStatus.READY);
    assertThat(c.lastAccess()).isEqualTo(T.plusSeconds(5));
    assertThat(c.message()).isEmpty();
  }

  @Test
  void aCartNeverMovesBackNorLeavesAFinalStatus() {
    Cart c = cart(false);
    c.advance(CartStatus.STAGING, T);
    assertThat(c.advance(CartStatus.WAITING, T)).isFalse();
    assertThat(c.advance(CartStatus.STAGING, T)).isFalse();
    c.advance(CartStatus.READY, T);
    assertThat(c.advance(CartStatus.BUNDLING, T)).isFalse();
    assertThat(c.fail("late", T)).isFalse();
    assertThat(c.status()).isEqualTo(CartStatus.READY);
  }

  @Test
  void anUnfinishedCartFailsWithItsMessageAndFreesItsReservation() {
    Cart c = cart(false);
    c.advance(CartStatus.STAGING, T);
    c.reserve(100, 100);
    assertThat(c.fail("Failed to pull file(a: missing)", T)).isTrue();
    assertThat(c.status()).isEqualTo(CartStatus.ERROR);
    assertThat(c.message()).isEqualTo("Failed to pull file(a: missing)");
    assertThat(c.reservedBytes()).isZero();
    assertThat(c.advance(CartStatus.READY, T)).isFalse();
    assertThat(c.advance(CartStatus.ERROR, T)).as("error only through fail, with a message").isFalse();
  }

  @Test
  void wireNamesAreCartdsLowerCaseStatuses() {
    assertThat(List.of(CartStatus.values()).stream().map(CartStatus::wire))
        .containsExactly("waiting", "staging", "bundling", "ready", "error");
  }

  @Test
  void aCartIsVisibleToItsCreatorAndAdminsOnlyUnlessAnonymous() {
    Cart owned = cart(false);
    assertThat(owned.visibleTo("user-1", false)).isTrue();
    assertThat(owned.visibleTo("user-2", false)).isFalse();
    assertThat(owned.visibleTo("user-2", true)).isTrue();
    Cart open = new Cart("u-2", null, null, false, false, List.of(), T);
    assertThat(open.visibleTo("anyone", false)).isTrue();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"ready", "READY", " Ready "})
  void parsesItsWireNameInAnyCase(String text) {
    assertThat(CartStatus.parse(text)).isEqualTo(CartStatus.READY);
  }

  @Test
  void refusesAnUnknownStatusNamingTheField() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CartStatus.parse("done"))
        .isInstanceOf(org.dropcart.platform.domain.InvalidInputException.class)
        .hasMessage("status: must be one of waiting, staging, bundling, ready, error");
  }
}
