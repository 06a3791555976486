package org.dropcart.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.dropcart.platform.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UsernameTest {

  @ParameterizedTest
  @ValueSource(strings = {"abc", "alice", "Alice.Smith", "bob_42", "x-y-z", "A1."})
  void acceptsLettersDigitsDotsUnderscoresAndHyphens(String name) {
    assertThat(new Username(name).value()).isEqualTo(name);
  }

  @Test
  void acceptsExactlySixtyFourCharacters() {
    String name = "a".repeat(64);

    assertThat(new Username(name).value()).hasSize(64);
  }

  @Test
  void rejectsSixtyFiveCharacters() {
    assertThatThrownBy(() -> new Username("a".repeat(65)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("username: must be 3 to 64 characters");
  }

  @Test
  void rejectsNamesShorterThanThree() {
    assertThatThrownBy(() -> new Username("ab"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("username: must be 3 to 64 characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"al ice", " alice", "alice ", "alice@example", "ali/ce", "élise", "名前名前"})
  void rejectsNamesWithCharactersOutsideTheShape(String name) {
    assertThatThrownBy(() -> new Username(name))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).errors().get(0).field())
        .isEqualTo("username");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t"})
  void requiresANonBlankName(String name) {
    assertThatThrownBy(() -> new Username(name))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("username: is required");
  }

  @Test
  void keyIsCaseFoldedWhileValueKeepsTheSpelling() {
    Username name = new Username("Alice.Smith");

    assertThat(name.value()).isEqualTo("Alice.Smith");
    assertThat(name.key()).isEqualTo("alice.smith");
    assertThat(name).hasToString("Alice.Smith");
  }

  @Test
  void differentlyCasedNamesShareAKey() {
    assertThat(new Username("ALICE").key()).isEqualTo(new Username("alice").key());
  }

  @Test
  void keyIgnoresTheDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr"));

      assertThat(new Username("IVAN").key()).isEqualTo("ivan");
    } finally {
      Locale.setDefault(before);
    }
  }
}
