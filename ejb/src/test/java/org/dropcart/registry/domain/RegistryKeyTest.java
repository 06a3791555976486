package org.dropcart.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.dropcart.platform.domain.BusyException;
import org.dropcart.platform.domain.ConflictException;
import org.dropcart.platform.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryKeyTest {
  @ParameterizedTest
  @ValueSource(strings = {"a", "services/faas/worker-1", "x:y@z.v_1-2", "a/b/c"})
  void takesPathsOfSafeCharacters(String key) {
    assertThat(RegistryKey.require("key", key)).isEqualTo(key);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a//b", "/a", "a/", "../x", "a/./b", "a/../b", "sp ace", "star*", "nul\u0000",
      "é", "a?b", "a%b"})
  void refusesEmptySegmentsDotSegmentsAndOtherCharacters(String key) {
    assertThatThrownBy(() -> RegistryKey.require("key", key)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aPrefixMayEndWithASlashAndIsMatchedLiterally() {
    assertThat(RegistryKey.require("prefix", "a/b/")).isEqualTo("a/b/");
    assertThat(RegistryKey.under("a/b/", "a/b/c")).isTrue();
    assertThat(RegistryKey.under("a/b/", "a/bc")).isFalse();
    assertThat(RegistryKey.likePattern("a_b%")).isEqualTo("a\\_b\\%%");
    assertThatThrownBy(() -> RegistryKey.require("key", "x".repeat(RegistryKey.MAX_LENGTH + 1)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aLockHasOneLeaseAtATime() {
    Instant t0 = Instant.parse("2026-11-23T10:00:00Z");
    RegistryLock lock = new RegistryLock("k", "alice", t0, Duration.ofSeconds(10));
    String first = lock.lockId();
    assertThatThrownBy(() -> lock.acquire("bob", t0.plusSeconds(5), Duration.ofSeconds(10)))
        .isInstanceOf(BusyException.class);
    lock.renew(first, t0.plusSeconds(9), Duration.ofSeconds(10));
    assertThat(lock.expiresAt()).isEqualTo(t0.plusSeconds(19));
    assertThatThrownBy(() -> lock.renew("other", t0.plusSeconds(10), Duration.ofSeconds(10)))
        .isInstanceOf(ConflictException.class);
    // Expired: another takes it, and the first lease is lost for good.
    lock.acquire("bob", t0.plusSeconds(19), Duration.ofSeconds(10));
    assertThat(lock.lockId()).isNotEqualTo(first);
    assertThatThrownBy(() -> lock.requireHeldBy(first, t0.plusSeconds(20))).isInstanceOf(ConflictException.class);
    assertThat(lock.heldAt(t0.plusSeconds(28))).isTrue();
    assertThat(lock.heldAt(t0.plusSeconds(29))).isFalse();
  }

  @Test
  void anEntryWithALeaseIsGoneWhenItRunsOut() {
    Instant t0 = Instant.parse("2026-11-23T10:00:00Z");
    RegistryEntry e = new RegistryEntry("k", "v", 7, t0.plusSeconds(1), t0, "svc");
    assertThat(e.expiredAt(t0)).isFalse();
    assertThat(e.expiredAt(t0.plusSeconds(1))).isTrue();
    e.recreate("w", 9, null, t0.plusSeconds(2), "svc");
    assertThat(e.createRevision()).isEqualTo(9);
    assertThat(e.modRevision()).isEqualTo(9);
    assertThat(e.expiredAt(t0.plusSeconds(100))).isFalse();
  }
}
