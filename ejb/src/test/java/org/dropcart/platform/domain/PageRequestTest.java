package org.dropcart.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageRequestTest {

  @Test
  void defaultsToTheFirstPageOfFifty() {
    PageRequest request = PageRequest.of(null, null);

    assertThat(request.page()).isZero();
    assertThat(request.size()).isEqualTo(PageRequest.DEFAULT_SIZE).isEqualTo(50);
  }

  @Test
  void keepsTheValuesGiven() {
    assertThat(PageRequest.of(3, 20)).isEqualTo(new PageRequest(3, 20));
  }

  @Test
  void defaultsEachMissingValueOnItsOwn() {
    assertThat(PageRequest.of(2, null)).isEqualTo(new PageRequest(2, 50));
    assertThat(PageRequest.of(null, 10)).isEqualTo(new PageRequest(0, 10));
  }

  @Test
  void offsetSkipsTheEarlierPages() {
    assertThat(new PageRequest(0, 25).offset()).isZero();
    assertThat(new PageRequest(3, 25).offset()).isEqualTo(75);
  }

  @Test
  void rejectsANegativePage() {
    assertThatThrownBy(() -> PageRequest.of(-1, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("page: must be 0 or more");
  }

  @Test
  void acceptsSizesFromOneToTheMaximum() {
    assertThat(new PageRequest(0, 1).size()).isEqualTo(1);
    assertThat(new PageRequest(0, PageRequest.MAX_SIZE).size()).isEqualTo(500);
  }

  @Test
  void rejectsAnEmptyPage() {
    assertThatThrownBy(() -> PageRequest.of(0, 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("size: must be between 1 and 500");
  }

  @Test
  void rejectsPagesLargerThanTheMaximum() {
    assertThatThrownBy(() -> PageRequest.of(0, 501))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("size: must be between 1 and 500");
  }

  @Test
  void refusesAPageBeyondTheLastAddressableOne() {
    assertThatThrownBy(() -> new PageRequest(5_000_000, 500))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("page");
  }
}
