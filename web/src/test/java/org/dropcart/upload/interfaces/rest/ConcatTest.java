package org.dropcart.upload.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dropcart.platform.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

class ConcatTest {
  private static final String A = "0123456789abcdef0123456789abcdef";
  private static final String B = "fedcba9876543210fedcba9876543210";

  @Test
  void absentPartialAndFinalWithAbsoluteUrlsOrPaths() {
    assertThat(Concat.parse(null).isFinal()).isFalse();
    assertThat(Concat.parse(null).partial()).isFalse();
    assertThat(Concat.parse(" partial ").partial()).isTrue();
    Concat last = Concat.parse("final;http://host:8080/api/upload/" + A + " /api/upload/" + B);
    assertThat(last.isFinal()).isTrue();
    assertThat(last.partIds()).containsExactly(A, B);
  }

  @Test
  void anythingElseIsRefusedNamingTheHeader() {
    for (String bad : List.of("partially", "final;", "final; ", "final;/api/other/" + A, "final;/api/upload/xyz",
        "final;ht tp://x/api/upload/" + A)) {
      assertThatThrownBy(() -> Concat.parse(bad)).as(bad).isInstanceOf(InvalidInputException.class)
          .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).field()).isEqualTo("Upload-Concat"));
    }
  }

  @Test
  void theFinalHeaderListsThePartsAsPaths() {
    assertThat(Concat.finalHeader("/api/upload", List.of(A, B)))
        .isEqualTo("final;/api/upload/" + A + " /api/upload/" + B);
  }
}
