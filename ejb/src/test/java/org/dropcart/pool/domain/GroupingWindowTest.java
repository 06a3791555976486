package org.dropcart.pool.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.dropcart.platform.domain.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class GroupingWindowTest {
  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void absentMeansFiveMinutes(String text) {
    assertThat(GroupingWindow.parse(text).length()).isEqualTo(Duration.ofMinutes(5));
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT1S", "PT10M", "PT1H", "P1D", "P7D", " PT30S "})
  void acceptsWholeSecondsFromOneSecondToSevenDays(String text) {
    assertThat(GroupingWindow.parse(text).length()).isEqualTo(Duration.parse(text.trim()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT0S", "-PT5M", "P8D", "PT0.5S", "PT1.5S", "5 minutes", "300", "P1M"})
  void refusesAnythingElseNamingTheField(String text) {
    assertThatThrownBy(() -> GroupingWindow.parse(text))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.errors().get(0).field()).isEqualTo("groupingWindow"));
  }

  @Test
  void printsAsIso8601() {
    assertThat(GroupingWindow.parse("PT10M")).hasToString("PT10M");
  }
}
