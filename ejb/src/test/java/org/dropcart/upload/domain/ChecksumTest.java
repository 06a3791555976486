package org.dropcart.upload.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.dropcart.platform.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChecksumTest {
  @Test
  void verifiesEachSupportedAlgorithm() {
    byte[] data = "hello".getBytes(StandardCharsets.UTF_8);
    for (Checksum.Algorithm a : Checksum.Algorithm.values()) {
      byte[] digest = a.newDigest().digest(data);
      Checksum c = Checksum.parse(a.tusName() + " " + Base64.getEncoder().encodeToString(digest));
      assertThat(c.algorithm()).isEqualTo(a);
      assertThat(c.matches(a.newDigest().digest(data))).isTrue();
      assertThat(c.matches(a.newDigest().digest("other".getBytes()))).isFalse();
    }
    assertThat(Checksum.Algorithm.tusNames()).isEqualTo("md5,sha1,sha256");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "sha1", "crc32 AAAA", "sha1 !!!", "sha1 AA AA"})
  void refusesWhatItCannotVerify(String header) {
    assertThatThrownBy(() -> Checksum.parse(header)).isInstanceOf(InvalidInputException.class);
  }
}
