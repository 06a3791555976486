package org.dropcart.platform.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import org.dropcart.platform.infrastructure.persistence.JpqlListing;
import org.junit.jupiter.api.Test;

class JpqlListingTest {

  @Test
  void containingLowerCasesAndWrapsInWildcards() {
    assertThat(JpqlListing.containing("Alice")).isEqualTo("%alice%");
  }

  @Test
  void containingEscapesTheLikeWildcardsThePersonTyped() {
    assertThat(JpqlListing.containing("50%_a\\b")).isEqualTo("%50\\%\\_a\\\\b%");
  }
}
