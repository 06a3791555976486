package org.dropcart.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListingTest {
  private static final Set<String> KNOWN = Set.of("name", "createdAt");

  private static Listing sorted(String field, boolean descending) {
    return new Listing(new PageRequest(0, 10), field, descending, Map.of());
  }

  @Test
  void aKnownFieldIsOrderedTheWayThePersonAsked() {
    assertThat(sorted("name", false).descendingOr(KNOWN, true)).isFalse();
    assertThat(sorted("name", true).descendingOr(KNOWN, false)).isTrue();
  }

  @Test
  void noFieldOrAnUnknownOneTakesTheListsOwnDirection() {
    assertThat(sorted(null, false).descendingOr(KNOWN, true)).isTrue();
    assertThat(sorted("password", false).descendingOr(KNOWN, true)).isTrue();
    assertThat(sorted("password", true).descendingOr(KNOWN, false)).isFalse();
    assertThat(sorted("password", true).sortOr(KNOWN, "createdAt")).isEqualTo("createdAt");
  }
}
