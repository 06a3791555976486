package org.dropcart.cart.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeastRecentlyUsedTest {
  private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

  private static Cart ready(String uid, Instant created, Instant readyAt) {
    Cart c = new Cart(uid, "u", "alice", false, false, List.of(), created);
    c.advance(CartStatus.STAGING, created);
    c.advance(CartStatus.READY, readyAt);
    return c;
  }

  @Test
  void theLeastRecentlyDownloadedReadyCartGoesFirst() {
    Cart a = ready("a", T, T.plusSeconds(1));
    Cart b = ready("b", T, T.plusSeconds(2));
    Cart c = ready("c", T, T.plusSeconds(3));
    a.downloaded(T.plusSeconds(10)); // a was used after b and c
    Instant now = T.plusSeconds(100);
    assertThat(Cart.nextToPurge(List.of(a, b, c), now, Duration.ZERO, null)).contains(b);
    assertThat(Cart.nextToPurge(List.of(a, c), now, Duration.ZERO, null)).contains(c);
    assertThat(Cart.nextToPurge(List.of(a), now, Duration.ZERO, null)).contains(a);
  }

  @Test
  void aCartUsedWithinTheBufferTimeIsSafe() {
    Cart old = ready("old", T, T.plusSeconds(1));
    Cart recent = ready("recent", T, T.plusSeconds(50));
    assertThat(Cart.nextToPurge(List.of(recent, old), T.plusSeconds(60), Duration.ofSeconds(30), null))
        .contains(old);
    assertThat(Cart.nextToPurge(List.of(recent), T.plusSeconds(60), Duration.ofSeconds(30), null)).isEmpty();
    assertThat(Cart.nextToPurge(List.of(recent), T.plusSeconds(81), Duration.ofSeconds(30), null)).contains(recent);
  }

  @Test
  void unfinishedCartsAndTheCartNeedingSpaceAreNeverPurged() {
    Cart staging = new Cart("s", "u", "alice", false, false, List.of(), T);
    staging.advance(CartStatus.STAGING, T);
    Cart failed = new Cart("f", "u", "alice", false, false, List.of(), T);
    failed.fail("boom", T);
    Cart mine = ready("mine", T, T.plusSeconds(1));
    assertThat(Cart.nextToPurge(List.of(staging, failed, mine), T.plusSeconds(100), Duration.ZERO, mine.id()))
        .isEmpty();
  }
}
