package org.dropcart.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

  @Test
  void takesPageAndSizeFromTheRequest() {
    Page<String> page = Page.of(List.of("a", "b"), new PageRequest(2, 10), 22);

    assertThat(page.items()).containsExactly("a", "b");
    assertThat(page.page()).isEqualTo(2);
    assertThat(page.size()).isEqualTo(10);
    assertThat(page.total()).isEqualTo(22);
  }

  @Test
  void mapTransformsTheItemsAndKeepsThePosition() {
    Page<String> names = Page.of(List.of("ann", "bo"), new PageRequest(1, 2), 5);

    Page<Integer> lengths = names.map(String::length);

    assertThat(lengths).isEqualTo(new Page<>(List.of(3, 2), 1, 2, 5));
  }

  @Test
  void mapOfAnEmptyPageIsEmpty() {
    Page<String> empty = Page.of(List.of(), PageRequest.of(null, null), 0);

    assertThat(empty.map(String::length).items()).isEmpty();
  }

  @Test
  void isNotChangedByLaterChangesToTheGivenList() {
    List<String> items = new ArrayList<>(List.of("a"));
    Page<String> page = Page.of(items, new PageRequest(0, 10), 1);

    items.add("b");

    assertThat(page.items()).containsExactly("a");
    assertThatThrownBy(() -> page.items().add("c"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void sliceTakesTheRequestedPartOfAWholeListAndCountsAll() {
    List<Integer> all = List.of(1, 2, 3, 4, 5);

    assertThat(Page.slice(all, new PageRequest(1, 2))).isEqualTo(new Page<>(List.of(3, 4), 1, 2, 5));
    assertThat(Page.slice(all, new PageRequest(2, 2)).items()).containsExactly(5);
    assertThat(Page.slice(all, new PageRequest(9, 2))).isEqualTo(new Page<>(List.of(), 9, 2, 5));
  }
}
