package org.dropcart.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserTest {
  private static final Instant CREATED = Instant.parse("2026-01-10T09:00:00.750Z");
  private static final LoginPolicy POLICY = new LoginPolicy(3, Duration.ofMinutes(15));

  private static User alice() {
    return new User(new Username("Alice"), "pbkdf2-sha256$1$s$k", Role.USER, CREATED);
  }

  private static void fail(User user, Instant at, int times) {
    for (int i = 0; i < times; i++) {
      user.recordFailedLogin(at, POLICY);
    }
  }

  @Test
  void startsEnabledWithItsRoleAndSpelling() {
    User user = alice();

    assertThat(user.id()).isNotBlank();
    assertThat(user.username().value()).isEqualTo("Alice");
    assertThat(user.role()).isEqualTo(Role.USER);
    assertThat(user.isEnabled()).isTrue();
    assertThat(user.createdAt()).isEqualTo(CREATED);
    assertThat(user.lockedFor(CREATED)).isEmpty();
  }

  @Test
  void staysOpenBelowTheFailureLimit() {
    User user = alice();

    fail(user, CREATED, 2);

    assertThat(user.lockedFor(CREATED)).isEmpty();
  }

  @Test
  void reachingTheFailureLimitLocksForTheLockout() {
    User user = alice();

    fail(user, CREATED, 3);

    assertThat(user.lockedFor(CREATED)).contains(Duration.ofMinutes(15));
    assertThat(user.lockedFor(CREATED.plus(Duration.ofMinutes(10))))
        .contains(Duration.ofMinutes(5));
  }

  @Test
  void lockEndsExactlyWhenTheLockoutIsOver() {
    User user = alice();
    fail(user, CREATED, 3);

    assertThat(user.lockedFor(CREATED.plus(Duration.ofMinutes(15)).minusMillis(1))).isPresent();
    assertThat(user.lockedFor(CREATED.plus(Duration.ofMinutes(15)))).isEmpty();
  }

  @Test
  void anExpiredLockStartsTheCountAfresh() {
    User user = alice();
    fail(user, CREATED, 3);
    Instant later = CREATED.plus(Duration.ofMinutes(20));

    fail(user, later, 2);

    assertThat(user.lockedFor(later)).isEmpty();
    fail(user, later, 1);
    assertThat(user.lockedFor(later)).contains(Duration.ofMinutes(15));
  }

  @Test
  void aSuccessfulLoginClearsTheCountAndTheLock() {
    User user = alice();
    fail(user, CREATED, 2);

    user.recordSuccessfulLogin();
    fail(user, CREATED, 2);

    assertThat(user.lockedFor(CREATED)).isEmpty();
    fail(user, CREATED, 3);
    user.recordSuccessfulLogin();
    assertThat(user.lockedFor(CREATED)).isEmpty();
  }

  @Test
  void honoursTokensOfTheCurrentGenerationOnly() {
    User user = alice();

    assertThat(user.honoursTokenOfGeneration(user.tokenGeneration())).isTrue();
    assertThat(user.honoursTokenOfGeneration(user.tokenGeneration() - 1)).isFalse();
    assertThat(user.honoursTokenOfGeneration(0)).isFalse();
  }

  @Test
  void disablingRefusesEveryToken() {
    User user = alice();
    int before = user.tokenGeneration();

    user.disable();

    assertThat(user.isEnabled()).isFalse();
    assertThat(user.honoursTokenOfGeneration(before)).isFalse();
    assertThat(user.honoursTokenOfGeneration(user.tokenGeneration())).isFalse();
  }

  @Test
  void reEnablingHonoursOnlyTokensIssuedSinceTheDisable() {
    User user = alice();
    int beforeDisable = user.tokenGeneration();
    user.disable();

    user.enable();

    assertThat(user.isEnabled()).isTrue();
    assertThat(user.honoursTokenOfGeneration(beforeDisable)).isFalse();
    assertThat(user.honoursTokenOfGeneration(user.tokenGeneration())).isTrue();
  }

  @Test
  void changingTheRoleRefusesEveryEarlierTokenEvenFromTheSameSecond() {
    User user = alice();
    int before = user.tokenGeneration();

    user.changeRole(Role.ADMIN);

    assertThat(user.role()).isEqualTo(Role.ADMIN);
    assertThat(user.honoursTokenOfGeneration(before)).isFalse();
    assertThat(user.honoursTokenOfGeneration(user.tokenGeneration())).isTrue();
  }

  @Test
  void changingToTheSameRoleKeepsTokens() {
    User user = alice();
    int before = user.tokenGeneration();

    user.changeRole(Role.USER);

    assertThat(user.honoursTokenOfGeneration(before)).isTrue();
  }

  @Test
  void disablingTwiceStartsOneNewGeneration() {
    User user = alice();
    user.disable();
    int afterFirst = user.tokenGeneration();

    user.disable();

    assertThat(user.tokenGeneration()).isEqualTo(afterFirst);
  }

  @Test
  void resettingThePasswordEndsEarlierTokensAndTheLockout() {
    User user = alice();
    int before = user.tokenGeneration();
    fail(user, CREATED, 3);

    user.resetPassword("pbkdf2-sha256$1$t$new");

    assertThat(user.passwordHash()).isEqualTo("pbkdf2-sha256$1$t$new");
    assertThat(user.honoursTokenOfGeneration(before)).isFalse();
    assertThat(user.honoursTokenOfGeneration(user.tokenGeneration())).isTrue();
    assertThat(user.lockedFor(CREATED)).isEmpty();
  }

  @Test
  void resettingThePasswordKeepsRoleAndEnabled() {
    User user = alice();

    user.resetPassword("pbkdf2-sha256$1$t$new");

    assertThat(user.role()).isEqualTo(Role.USER);
    assertThat(user.isEnabled()).isTrue();
  }
}
