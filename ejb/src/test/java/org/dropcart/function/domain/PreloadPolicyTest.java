package org.dropcart.function.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dropcart.platform.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PreloadPolicyTest {
  @Test
  void readsTheSeedsThreePoliciesInAnyCase() {
    assertThat(PreloadPolicy.parse("runtime")).isEqualTo(PreloadPolicy.RUNTIME);
    assertThat(PreloadPolicy.parse(" Function ")).isEqualTo(PreloadPolicy.FUNCTION);
    assertThat(PreloadPolicy.parse("NONE")).isEqualTo(PreloadPolicy.NONE);
    assertThatThrownBy(() -> PreloadPolicy.parse("eager")).hasMessageContaining("runtime, function or none");
  }

  @Test
  void eachPolicyKeepsADifferentPart() {
    assertThat(PreloadPolicy.FUNCTION.keepsPrepared()).isTrue();
    assertThat(PreloadPolicy.FUNCTION.unpacksPerCall()).isFalse();
    assertThat(PreloadPolicy.RUNTIME.keepsPrepared()).isTrue();
    assertThat(PreloadPolicy.RUNTIME.unpacksPerCall()).isTrue();
    assertThat(PreloadPolicy.NONE.keepsPrepared()).isFalse();
    assertThat(PreloadPolicy.NONE.unpacksPerCall()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dice", "py.runtime-3", "a_b"})
  void namesThatStayInTheirDirectory(String name) {
    assertThat(FunctionNames.require("funcName", name)).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "..", "a/b", "../x", ".hidden", "x..y", "a b", "ñ"})
  void namesThatCouldNotNameADirectoryAreRefused(String name) {
    assertThatThrownBy(() -> FunctionNames.require("funcName", name)).isInstanceOf(InvalidInputException.class);
  }
}
