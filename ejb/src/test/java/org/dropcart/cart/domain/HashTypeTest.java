package org.dropcart.cart.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HashTypeTest {
  @ParameterizedTest
  @CsvSource({
    "md5,5eb63bbbe01eeed093cb22bb8f5acdc3",
    "SHA1,2aae6c35c94fcfb415dbe95f408b9ce91ee846ed",
    "sha256,b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9",
    "sha-512,309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f"
  })
  void theFourHashlibNamesDigestAsExpected(String name, String helloWorld) {
    HashType type = HashType.named(name).orElseThrow();
    String hex = HexFormat.of().formatHex(type.newDigest().digest("hello world".getBytes(StandardCharsets.UTF_8)));
    assertThat(hex).isEqualTo(helloWorld);
    assertThat(type.hexLength()).isEqualTo(helloWorld.length());
  }

  @ParameterizedTest
  @ValueSource(strings = {"crc32", "sha3_256", "", "md4"})
  void otherNamesAreUnknown(String name) {
    assertThat(HashType.named(name)).isEmpty();
  }
}
