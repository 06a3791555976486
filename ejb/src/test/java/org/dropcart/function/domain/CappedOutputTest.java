package org.dropcart.function.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CappedOutputTest {
  @Test
  void keepsEverythingUnderTheCap() throws Exception {
    CappedOutput out = new CappedOutput(16);
    out.drain(new ByteArrayInputStream("[4,6,4,3]".getBytes(StandardCharsets.UTF_8)));
    assertThat(out.text()).isEqualTo("[4,6,4,3]");
    assertThat(out.truncated()).isFalse();
  }

  @Test
  void readsAFloodToItsEndButKeepsOnlyTheCap() throws Exception {
    CappedOutput out = new CappedOutput(1000);
    out.drain(new ByteArrayInputStream(new byte[5_000_000]));
    assertThat(out.text()).hasSize(1000);
    assertThat(out.total()).isEqualTo(5_000_000);
    assertThat(out.truncated()).isTrue();
  }

  @Test
  void exactlyTheCapIsNotTruncated() {
    CappedOutput out = new CappedOutput(3);
    out.accept("abc".getBytes(StandardCharsets.UTF_8), 3);
    assertThat(out.truncated()).isFalse();
    out.accept("d".getBytes(StandardCharsets.UTF_8), 1);
    assertThat(out.truncated()).isTrue();
    assertThat(out.text()).isEqualTo("abc");
  }
}
