package org.dropcart.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.ArrayList;
import java.util.List;
import org.dropcart.platform.domain.InvalidInputException.FieldError;
import org.junit.jupiter.api.Test;

class InvalidInputExceptionTest {

  @Test
  void oneErrorMakesAMessageNamingTheFieldAndRule() {
    InvalidInputException e = new InvalidInputException("email", "is required");

    assertThat(e).hasMessage("email: is required");
    assertThat(e.errors()).containsExactly(new FieldError("email", "is required"));
  }

  @Test
  void severalErrorsAreSummarisedByCount() {
    InvalidInputException e =
        new InvalidInputException(
            List.of(new FieldError("a", "is required"), new FieldError("b.c", "is too long")));

    assertThat(e).hasMessage("2 fields are invalid");
    assertThat(e.errors()).extracting(FieldError::field).containsExactly("a", "b.c");
  }

  @Test
  void rejectsAnEmptyListOfErrors() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new InvalidInputException(List.of()))
        .withMessageContaining("at least one field");
  }

  @Test
  void keepsItsOwnCopyOfTheErrors() {
    List<FieldError> errors = new ArrayList<>(List.of(new FieldError("a", "is required")));
    InvalidInputException e = new InvalidInputException(errors);

    errors.add(new FieldError("b", "is required"));

    assertThat(e.errors()).hasSize(1);
  }

  @Test
  void isOfKindInvalidInput() {
    assertThat(new InvalidInputException("a", "b").kind()).isEqualTo("invalid-input");
  }

  @Test
  void aFieldErrorNeedsAFieldAndAMessage() {
    assertThatNullPointerException().isThrownBy(() -> new FieldError(null, "is required"));
    assertThatNullPointerException().isThrownBy(() -> new FieldError("a", null));
  }
}
