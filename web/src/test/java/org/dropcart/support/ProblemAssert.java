package org.dropcart.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.dropcart.support.Api.Reply;

/** The project's error contract: a precise status and an RFC 9457 body, never a stack trace. */
public final class ProblemAssert {
  private ProblemAssert() {}

  public static void assertProblem(Reply r, int status, String kind) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
    JsonObject p = r.json();
    assertThat(p.getString("type")).isEqualTo("urn:dropcart:problem:" + kind);
    assertThat(p.getInt("status")).isEqualTo(status);
    assertThat(p.getString("title")).isNotBlank();
    assertThat(p.getString("detail")).isNotBlank();
    assertThat(p.getString("requestId")).isNotBlank();
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("<html");
  }
}
