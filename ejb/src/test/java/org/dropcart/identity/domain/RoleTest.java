package org.dropcart.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dropcart.platform.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RoleTest {

  @Test
  void readsTheLowerCaseWireNames() {
    assertThat(Role.fromWireName("admin")).isEqualTo(Role.ADMIN);
    assertThat(Role.fromWireName("user")).isEqualTo(Role.USER);
  }

  @Test
  void wireNamesMatchTheConstantsTokensCarry() {
    assertThat(Role.ADMIN.wireName()).isEqualTo(Role.ADMIN_NAME);
    assertThat(Role.USER.wireName()).isEqualTo(Role.USER_NAME);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void requiresARole(String name) {
    assertThatThrownBy(() -> Role.fromWireName(name))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("role: is required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"root", "ADMIN", "Admin", " user"})
  void rejectsUnknownNamesListingTheKnownOnes(String name) {
    assertThatThrownBy(() -> Role.fromWireName(name))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("role: must be one of admin, user, service");
  }
}
