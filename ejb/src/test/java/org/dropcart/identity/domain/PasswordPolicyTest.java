package org.dropcart.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dropcart.platform.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class PasswordPolicyTest {
  private static final String EMOJI = "\uD83D\uDE00"; // one code point, two chars

  @ParameterizedTest
  @NullAndEmptySource
  void requiresAPassword(String password) {
    assertThatThrownBy(() -> PasswordPolicy.requireAcceptable(password))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("password: is required");
  }

  @Test
  void acceptsTenCharactersAndReturnsThePassword() {
    assertThat(PasswordPolicy.requireAcceptable("0123456789")).isEqualTo("0123456789");
  }

  @Test
  void rejectsNineCharacters() {
    assertThatThrownBy(() -> PasswordPolicy.requireAcceptable("012345678"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("password: must be at least 10 characters long");
  }

  @Test
  void acceptsExactly1024Characters() {
    assertThat(PasswordPolicy.requireAcceptable("p".repeat(1024))).hasSize(1024);
  }

  @Test
  void rejects1025Characters() {
    assertThatThrownBy(() -> PasswordPolicy.requireAcceptable("p".repeat(1025)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("password: must be at most 1024 characters long");
  }

  @Test
  void countsAnEmojiAsOneCharacterTowardsTheMinimum() {
    String nineEmoji = EMOJI.repeat(9); // 18 chars, 9 code points

    assertThatThrownBy(() -> PasswordPolicy.requireAcceptable(nineEmoji))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least");
    assertThat(PasswordPolicy.requireAcceptable(EMOJI.repeat(10))).isEqualTo(EMOJI.repeat(10));
  }

  @Test
  void countsAnEmojiAsOneCharacterTowardsTheMaximum() {
    assertThat(PasswordPolicy.requireAcceptable(EMOJI.repeat(1024))).hasSize(2048);
    assertThatThrownBy(() -> PasswordPolicy.requireAcceptable(EMOJI.repeat(1025)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at most");
  }
}
