package org.dropcart.identity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class Pbkdf2PasswordHasherTest {
  private static final String PASSWORD = "correct horse battery staple";
  private static final Pbkdf2PasswordHasher HASHER =
      new Pbkdf2PasswordHasher(Pbkdf2PasswordHasher.MIN_ITERATIONS);
  private static final String HASH = HASHER.hash(PASSWORD);

  @Test
  void writesSchemeIterationsSaltAndKey() {
    String[] parts = HASH.split("\\$");

    assertThat(parts).hasSize(4);
    assertThat(parts[0]).isEqualTo("pbkdf2-sha256");
    assertThat(parts[1]).isEqualTo("210000");
    assertThat(Base64.getDecoder().decode(parts[2])).hasSize(16);
    assertThat(Base64.getDecoder().decode(parts[3])).hasSize(32);
  }

  @Test
  void saltsTheSamePasswordDifferentlyEachTime() {
    String again = HASHER.hash(PASSWORD);

    assertThat(again).isNotEqualTo(HASH);
    assertThat(again.split("\\$")[2]).isNotEqualTo(HASH.split("\\$")[2]);
  }

  @Test
  void matchesTheRightPassword() {
    assertThat(HASHER.matches(PASSWORD, HASH)).isTrue();
  }

  @Test
  void doesNotMatchAWrongPassword() {
    assertThat(HASHER.matches(PASSWORD + "!", HASH)).isFalse();
    assertThat(HASHER.matches("Correct horse battery staple", HASH)).isFalse();
  }

  @Test
  void verifiesAHashMadeWithMoreIterations() {
    String stronger = new Pbkdf2PasswordHasher(250_000).hash(PASSWORD);

    assertThat(stronger).startsWith("pbkdf2-sha256$250000$");
    assertThat(HASHER.matches(PASSWORD, stronger)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "not-a-hash",
        "bcrypt$210000$c2FsdHNhbHRzYWx0c2FsdA$a2V5",
        "pbkdf2-sha256$210000$c2FsdHNhbHRzYWx0c2FsdA",
        "pbkdf2-sha256$210000$c2FsdHNhbHRzYWx0c2FsdA$a2V5$extra",
        "pbkdf2-sha256$many$c2FsdHNhbHRzYWx0c2FsdA$a2V5",
        "pbkdf2-sha256$0$c2FsdHNhbHRzYWx0c2FsdA$a2V5",
        "pbkdf2-sha256$-5$c2FsdHNhbHRzYWx0c2FsdA$a2V5",
        "pbkdf2-sha256$210000$not*base64$a2V5",
        "pbkdf2-sha256$210000$c2FsdHNhbHRzYWx0c2FsdA$not*base64",
        "pbkdf2-sha256$210000$$a2V5",
      })
  void answersFalseForAMalformedStoredHash(String stored) {
    assertThat(HASHER.matches(PASSWORD, stored)).isFalse();
  }

  @Test
  void refusesFewerThan210000Iterations() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Pbkdf2PasswordHasher(209_999))
        .withMessageContaining("at least 210000");
  }
}
