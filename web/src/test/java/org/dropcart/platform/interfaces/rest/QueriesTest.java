package org.dropcart.platform.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dropcart.platform.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class QueriesTest {

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t"})
  void anAbsentOrBlankIntegerIsNull(String value) {
    assertThat(Queries.integer("page", value)).isNull();
  }

  @Test
  void readsAWholeNumberIgnoringSurroundingSpaces() {
    assertThat(Queries.integer("page", " 7 ")).isEqualTo(7);
    assertThat(Queries.integer("page", "-3")).isEqualTo(-3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"x", "1.5", "7 7", "2147483648", "0x10"})
  void rejectsWhatIsNotAWholeNumberNamingTheParameter(String value) {
    assertThatThrownBy(() -> Queries.integer("size", value))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("size: must be a whole number");
  }

  @Test
  void textIsTrimmedAndBlankIsNull() {
    assertThat(Queries.text("  alice ")).isEqualTo("alice");
    assertThat(Queries.text("  ")).isNull();
    assertThat(Queries.text(null)).isNull();
  }
}
