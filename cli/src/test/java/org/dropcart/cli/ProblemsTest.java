package org.dropcart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemsTest {
  @Test
  void aProblemBodyBecomesOneLineWithItsKind() {
    String body = """
        {"type":"urn:dropcart:problem:invalid-credentials","title":"Unauthorized","status":401,
         "detail":"Wrong username or password","requestId":"r1"}""";
    assertThat(Problems.oneLine(401, body))
        .isEqualTo("HTTP 401 Unauthorized: Wrong username or password [invalid-credentials]");
  }

  @Test
  void fieldErrorsAreListed() {
    String body = "{\"type\":\"urn:dropcart:problem:invalid-input\",\"title\":\"Bad Request\",\"status\":400,"
        + "\"detail\":\"The input is invalid\",\"errors\":[{\"field\":\"url\",\"message\":\"is required\"}]}";
    assertThat(Problems.oneLine(400, body))
        .isEqualTo("HTTP 400 Bad Request: The input is invalid (url is required) [invalid-input]");
  }

  @Test
  void cartdBodiesUseTheirMessage() {
    String body = "{\"status\":\"404 Not Found\",\"message\":\"The cart does not exist or has already been deleted\","
        + "\"traceback\":\"\",\"version\":\"dropcart\"}";
    assertThat(Problems.oneLine(404, body))
        .isEqualTo("HTTP 404 Not Found: The cart does not exist or has already been deleted");
  }

  @Test
  void plainTextAndEmptyBodiesStayOnOneLine() {
    assertThat(Problems.oneLine(502, "<html>\n<body>bad gateway</body>\n</html>")).isEqualTo("HTTP 502: <html>");
    assertThat(Problems.oneLine(503, "")).isEqualTo("HTTP 503 Service Unavailable");
    assertThat(Problems.oneLine(500, "{not json")).isEqualTo("HTTP 500: {not json");
    assertThat(Problems.oneLine(400, "x".repeat(1000))).hasSize(300);
  }

  @Test
  void aStackTraceInADetailNeverSpillsPastOneLine() {
    String body = "{\"title\":\"Internal Server Error\",\"detail\":\"boom\\n\\tat a.b.C(C.java:1)\"}";
    assertThat(Problems.oneLine(500, body)).isEqualTo("HTTP 500 Internal Server Error: boom");
  }
}
