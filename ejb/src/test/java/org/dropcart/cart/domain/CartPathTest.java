package org.dropcart.cart.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CartPathTest {
  @ParameterizedTest
  @CsvSource({"1/2/3/foo.txt,1/2/3/foo.txt", "a//./b,a/b", "./x,x", "dir/,dir", "..a/b..,..a/b..", "ü/ñ.csv,ü/ñ.csv"})
  void relativePathsAreKeptNormalized(String raw, String normal) {
    assertThat(CartPath.of(raw).value()).isEqualTo(normal);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "/etc/passwd", "../up", "a/../../b", "a/..", "C:/x", "c:x", "a\\b", "a\u0000b",
      "a\nb", "a\u007fb", ".", "./."})
  void pathsThatLeaveTheCartOrNameNothingAreRefused(String raw) {
    assertThatThrownBy(() -> CartPath.of(raw)).isInstanceOf(IllegalArgumentException.class);
  }
}
