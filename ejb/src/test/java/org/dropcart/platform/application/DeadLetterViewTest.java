package org.dropcart.platform.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dropcart.platform.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DeadLetterViewTest {

  @Test
  void acceptsBrokerMessageIds() {
    String id = "ID:6f0c2b1e-3d4a-11ef-9c1a-0242ac120002";
    assertThat(DeadLetterView.checkedId(id)).isEqualTo(id);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"6f0c2b1e", "ID:x' OR '1'='1", "ID:a b", "ID:"})
  void refusesAnythingThatCouldBreakOutOfTheSelector(String id) {
    assertThatThrownBy(() -> DeadLetterView.checkedId(id)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void previewKeepsShortBodiesWhole() {
    assertThat(DeadLetterView.preview("{\"uploadId\":\"u1\",\"v\":1}")).isEqualTo("{\"uploadId\":\"u1\",\"v\":1}");
    assertThat(DeadLetterView.preview(null)).isEmpty();
  }

  @Test
  void previewCutsLongBodiesAndSaysHowLongTheyWere() {
    String body = "x".repeat(DeadLetterView.PREVIEW_CHARS + 50);
    assertThat(DeadLetterView.preview(body))
        .startsWith("x".repeat(DeadLetterView.PREVIEW_CHARS))
        .endsWith("(" + body.length() + " characters)")
        .hasSizeLessThan(body.length());
  }

  @Test
  void reasonNamesTheAttemptsOrTheExpiry() {
    assertThat(DeadLetterView.reason(false, 3, 3)).startsWith("Failed 3 delivery attempts");
    assertThat(DeadLetterView.reason(false, 0, 3)).startsWith("Failed 3 delivery attempts");
    assertThat(DeadLetterView.reason(true, 0, 3)).isEqualTo("Expired before it was consumed");
  }

  @Test
  void aCappedDepthReadsAsAtLeast() {
    assertThat(new QueueDepth("StoreQueue", 1000, 0, true).waitingText()).isEqualTo("1000+");
    assertThat(new QueueDepth("StoreQueue", 7, 0, false).waitingText()).isEqualTo("7");
  }
}
