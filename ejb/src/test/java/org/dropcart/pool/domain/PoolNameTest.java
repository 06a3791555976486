package org.dropcart.pool.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dropcart.platform.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PoolNameTest {
  @ParameterizedTest
  @ValueSource(strings = {"abc", "Sensors.North_1", "a-b", "x123456789012345678901234567890123456789012345678901234567890123"})
  void acceptsThreeToSixtyFourSafeCharacters(String name) {
    assertThat(new PoolName(name).value()).isEqualTo(name);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"ab", "with space", "slash/name", "semi;colon", "ünïcode", "x1234567890123456789012345678901234567890123456789012345678901234"})
  void refusesAnythingElse(String name) {
    assertThatThrownBy(() -> new PoolName(name)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void namesCompareWithoutCase() {
    assertThat(new PoolName("North-Sensors").key()).isEqualTo(new PoolName("north-sensors").key());
  }
}
