package org.dropcart.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginPolicyTest {

  @Test
  void keepsItsLimitAndLockout() {
    LoginPolicy policy = new LoginPolicy(5, Duration.ofMinutes(15));

    assertThat(policy.maxFailures()).isEqualTo(5);
    assertThat(policy.lockout()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void allowsASingleFailure() {
    assertThat(new LoginPolicy(1, Duration.ofSeconds(1)).maxFailures()).isEqualTo(1);
  }

  @Test
  void rejectsALimitBelowOne() {
    assertThatThrownBy(() -> new LoginPolicy(0, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxFailures");
  }

  @Test
  void rejectsAZeroLockout() {
    assertThatThrownBy(() -> new LoginPolicy(3, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lockout");
  }

  @Test
  void rejectsANegativeLockout() {
    assertThatThrownBy(() -> new LoginPolicy(3, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lockout");
  }
}
