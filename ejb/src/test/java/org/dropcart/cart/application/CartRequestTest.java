package org.dropcart.cart.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dropcart.cart.domain.HashType;
import org.dropcart.platform.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CartRequestTest {
  @Test
  void cartdsExampleParses() {
    CartRequest r = CartRequest.parse("{\"fileids\":[{\"id\":\"foo.txt\",\"path\":\"1/2/3/foo.txt\",\"hashtype\":\"md5\","
        + "\"hashsum\":\"\"},{\"id\":42,\"path\":\"2/x\",\"hashtype\":\"sha1\","
        + "\"hashsum\":\"2AAE6C35C94FCFB415DBE95F408B9CE91EE846ED\"}],\"bundle\":true}");
    assertThat(r.files()).hasSize(2);
    assertThat(r.files().get(0).sourceId()).isEqualTo("foo.txt");
    assertThat(r.files().get(0).hashType()).as("empty hashsum: no check").isEmpty();
    assertThat(r.files().get(1).sourceId()).isEqualTo("42");
    assertThat(r.files().get(1).hashType()).contains(HashType.SHA1);
    assertThat(r.files().get(1).hashSum()).isEqualTo("2aae6c35c94fcfb415dbe95f408b9ce91ee846ed");
    assertThat(r.bundle()).contains(true);
  }

  @Test
  void anEmptyCartIsAllowedAndBundleDefaultsToTheConfiguration() {
    CartRequest r = CartRequest.parse("{\"fileids\":[]}");
    assertThat(r.files()).isEmpty();
    assertThat(r.bundle()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "", "not json", "[]", "{}", "{\"fileids\":{}}", "{\"fileids\":[1]}",
    "{\"fileids\":[{\"path\":\"a\",\"hashtype\":\"md5\",\"hashsum\":\"\"}]}",
    "{\"fileids\":[{\"id\":\"a\",\"hashtype\":\"md5\",\"hashsum\":\"\"}]}",
    "{\"fileids\":[{\"id\":\"a\",\"path\":\"a\",\"hashsum\":\"\"}]}",
    "{\"fileids\":[{\"id\":\"a\",\"path\":\"a\",\"hashtype\":\"md5\"}]}",
    "{\"fileids\":[{\"id\":1.5,\"path\":\"a\",\"hashtype\":\"md5\",\"hashsum\":\"\"}]}",
    "{\"fileids\":[{\"id\":true,\"path\":\"a\",\"hashtype\":\"md5\",\"hashsum\":\"\"}]}",
    "{\"fileids\":[{\"id\":\"a\",\"path\":7,\"hashtype\":\"md5\",\"hashsum\":\"\"}]}",
    "{\"fileids\":[{\"id\":\"a\",\"path\":\"../a\",\"hashtype\":\"md5\",\"hashsum\":\"\"}]}",
    "{\"fileids\":[{\"id\":\"a\",\"path\":\"/etc/a\",\"hashtype\":\"md5\",\"hashsum\":\"\"}]}",
    "{\"fileids\":[{\"id\":\"a\",\"path\":\"a\\u0000b\",\"hashtype\":\"md5\",\"hashsum\":\"\"}]}",
    "{\"fileids\":[{\"id\":\"a\",\"path\":\"a\",\"hashtype\":\"crc\",\"hashsum\":\"abcd\"}]}",
    "{\"fileids\":[{\"id\":\"a\",\"path\":\"a\",\"hashtype\":\"md5\",\"hashsum\":\"abcd\"}]}",
    "{\"fileids\":[{\"id\":\"a\",\"path\":\"x\",\"hashtype\":\"md5\",\"hashsum\":\"\"},"
        + "{\"id\":\"b\",\"path\":\"./x\",\"hashtype\":\"md5\",\"hashsum\":\"\"}]}",
    "{\"fileids\":[],\"bundle\":\"yes\"}"
  })
  void bodiesBreakingTheSchemaOrLeavingTheCartAreRefused(String body) {
    assertThatThrownBy(() -> CartRequest.parse(body)).isInstanceOf(InvalidInputException.class);
  }
}
