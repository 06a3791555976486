package org.dropcart.platform.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.dropcart.platform.interfaces.rest.AccessLog.Entry;
import org.junit.jupiter.api.Test;

class AccessLogTest {
  private static final Entry SIGNED_IN =
      new Entry("GET", "/api/users", 200, 12, "alice", "req-1", null);
  private static final Entry REFUSED =
      new Entry("POST", "/api/auth/login", 429, 3, null, "req-2", "login-throttled");

  private static JsonObject parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  @Test
  void textIsOneLineOfKeyValuePairs() {
    assertThat(AccessLog.asText(SIGNED_IN))
        .isEqualTo("GET /api/users status=200 ms=12 user=alice requestId=req-1")
        .doesNotContain("\n");
  }

  @Test
  void textShowsAnAbsentUserAsADashAndAddsTheProblem() {
    assertThat(AccessLog.asText(REFUSED))
        .isEqualTo(
            "POST /api/auth/login status=429 ms=3 user=- requestId=req-2 problem=login-throttled");
  }

  @Test
  void jsonIsOneObjectOnOneLine() {
    String line = AccessLog.asJson(SIGNED_IN);

    assertThat(line).doesNotContain("\n");
    JsonObject json = parse(line);
    assertThat(json.getString("method")).isEqualTo("GET");
    assertThat(json.getString("path")).isEqualTo("/api/users");
    assertThat(json.getInt("status")).isEqualTo(200);
    assertThat(json.getJsonNumber("ms").longValue()).isEqualTo(12);
    assertThat(json.getString("user")).isEqualTo("alice");
    assertThat(json.getString("requestId")).isEqualTo("req-1");
    assertThat(json).doesNotContainKey("problem");
  }

  @Test
  void jsonLeavesOutAnAbsentUserAndAddsTheProblem() {
    JsonObject json = parse(AccessLog.asJson(REFUSED));

    assertThat(json).doesNotContainKey("user");
    assertThat(json.getString("problem")).isEqualTo("login-throttled");
  }

  @Test
  void jsonEscapesAPathSoTheLineStaysWhole() {
    Entry odd = new Entry("GET", "/api/\"x\"\n", 404, 1, null, "req-3", "not-found");

    String line = AccessLog.asJson(odd);

    assertThat(line).doesNotContain("\n");
    assertThat(parse(line).getString("path")).isEqualTo("/api/\"x\"\n");
  }
}
