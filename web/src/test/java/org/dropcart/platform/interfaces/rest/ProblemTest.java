package org.dropcart.platform.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.dropcart.platform.domain.InvalidInputException.FieldError;
import org.junit.jupiter.api.Test;

class ProblemTest {

  private static JsonObject parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  @Test
  void writesTypeTitleStatusDetailAndRequestId() {
    JsonObject body = parse(Problem.of(409, "username-taken", "Taken").toJson("req-1"));

    assertThat(body.getString("type")).isEqualTo("urn:dropcart:problem:username-taken");
    assertThat(body.getString("title")).isEqualTo("Conflict");
    assertThat(body.getInt("status")).isEqualTo(409);
    assertThat(body.getString("detail")).isEqualTo("Taken");
    assertThat(body.getString("requestId")).isEqualTo("req-1");
    assertThat(body).doesNotContainKey("errors");
  }

  @Test
  void detailDefaultsToTheTitle() {
    JsonObject body = parse(Problem.of(404, "not-found", null).toJson("req-1"));

    assertThat(body.getString("detail")).isEqualTo("Not Found");
  }

  @Test
  void leavesOutAnAbsentRequestId() {
    assertThat(parse(Problem.of(400, "bad-request", "x").toJson(null)))
        .doesNotContainKey("requestId");
  }

  @Test
  void listsFieldErrorsWhenThereAreSome() {
    Problem problem =
        new Problem(
            400,
            "invalid-input",
            "2 fields are invalid",
            List.of(
                new FieldError("username", "is required"), new FieldError("password", "is short")));

    JsonObject body = parse(problem.toJson("req-1"));

    assertThat(body.getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("field") + ": " + e.getString("message"))
        .containsExactly("username: is required", "password: is short");
  }

  @Test
  void treatsNullErrorsAsNone() {
    Problem problem = new Problem(400, "invalid-input", "x", null);

    assertThat(problem.errors()).isEmpty();
    assertThat(parse(problem.toJson("r"))).doesNotContainKey("errors");
  }

  @Test
  void titlesStatusesByTheirReasonPhrase() {
    assertThat(Problem.of(400, "k", null).title()).isEqualTo("Bad Request");
    assertThat(Problem.of(422, "k", null).title()).isEqualTo("Unprocessable Content");
    assertThat(Problem.of(429, "k", null).title()).isEqualTo("Too Many Requests");
    assertThat(Problem.of(500, "k", null).title()).isEqualTo("Internal Server Error");
    assertThat(Problem.of(507, "k", null).title()).isEqualTo("Insufficient Storage");
  }

  @Test
  void titlesAnUnknownStatusAsError() {
    assertThat(Problem.of(599, "k", null).title()).isEqualTo("Error");
  }

  @Test
  void forStatusNamesTheKindsTheRuntimeRaises() {
    assertThat(Problem.forStatus(401).kind()).isEqualTo("unauthenticated");
    assertThat(Problem.forStatus(405).kind()).isEqualTo("method-not-allowed");
    assertThat(Problem.forStatus(415).status()).isEqualTo(415);
  }

  @Test
  void forStatusFallsBackToAnHttpKindDetailedByTheTitle() {
    Problem problem = Problem.forStatus(429);

    assertThat(problem.kind()).isEqualTo("http-429");
    JsonObject body = parse(problem.toJson("r"));
    assertThat(body.getString("type")).isEqualTo("urn:dropcart:problem:http-429");
    assertThat(body.getString("detail")).isEqualTo("Too Many Requests");
  }
}
