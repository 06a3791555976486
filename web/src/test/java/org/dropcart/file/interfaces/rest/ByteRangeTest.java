package org.dropcart.file.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTest {
  @Test
  void singleRangesResolveAgainstTheSize() {
    assertThat(ByteRange.parse("bytes=10-19", 100)).isEqualTo(new ByteRange(10, 19, true));
    assertThat(ByteRange.parse("bytes=90-", 100)).isEqualTo(new ByteRange(90, 99, true));
    assertThat(ByteRange.parse("bytes=90-500", 100)).isEqualTo(new ByteRange(90, 99, true));
    assertThat(ByteRange.parse("bytes=-5", 100)).isEqualTo(new ByteRange(95, 99, true));
    assertThat(ByteRange.parse("bytes=-500", 100)).isEqualTo(new ByteRange(0, 99, true));
    assertThat(ByteRange.parse("bytes=10-19", 100).length()).isEqualTo(10);
  }

  @Test
  void unsatisfiableRangesSaySo() {
    assertThat(ByteRange.parse("bytes=100-", 100).satisfiable()).isFalse();
    assertThat(ByteRange.parse("bytes=-0", 100).satisfiable()).isFalse();
    assertThat(ByteRange.parse("bytes=0-", 0).satisfiable()).isFalse();
  }

  @Test
  void whatIsNotASingleByteRangeMeansTheWholeContent() {
    assertThat(ByteRange.parse("bytes=0-1,5-6", 100)).isNull();
    assertThat(ByteRange.parse("items=0-1", 100)).isNull();
    assertThat(ByteRange.parse("bytes=9-3", 100)).isNull();
    assertThat(ByteRange.parse("bytes=a-b", 100)).isNull();
    assertThat(ByteRange.parse("bytes=5", 100)).isNull();
  }

  @Test
  void entityTagListsMatchStrongWeakAndAny() {
    assertThat(ByteRange.matchesAny("\"a\", \"b\"", "\"b\"")).isTrue();
    assertThat(ByteRange.matchesAny("W/\"b\"", "\"b\"")).isTrue();
    assertThat(ByteRange.matchesAny("*", "\"b\"")).isTrue();
    assertThat(ByteRange.matchesAny("\"c\"", "\"b\"")).isFalse();
  }
}
