package org.dropcart.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dropcart.support.ProblemAssert.assertProblem;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dropcart.support.Api;
import org.dropcart.support.Api.Reply;
import org.dropcart.support.DropcartDeployment;
import org.dropcart.support.Eventually;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every later feature stands on: health of the four embedded servers, the OpenAPI document,
 * seed 001's middleware (problem bodies, request ids, the body cap) and the batch jobs API.
 * The servers here run with {@code dropcart.http.max-body=1MB} (see arquillian.xml).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlatformIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return DropcartDeployment.war();
  }

  @ArquillianResource private URL base;

  private Api api() {
    return new Api(base);
  }

  @Test
  void readinessReportsTheApplicationDatabaseBrokerMongoAndVolumeUp() {
    Reply ready = api().get("health/ready", null);

    assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
    assertThat(ready.json().getString("status")).isEqualTo("UP");
    Map<String, String> checks = ready.json().getJsonArray("checks").stream()
        .map(v -> v.asJsonObject())
        .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
    assertThat(checks).containsEntry("database", "UP").containsEntry("broker", "UP")
        .containsEntry("mongo", "UP").containsEntry("volume", "UP").containsEntry("application", "UP");
    JsonObject volume = ready.json().getJsonArray("checks").stream().map(v -> v.asJsonObject())
        .filter(c -> c.getString("name").equals("volume")).findFirst().orElseThrow();
    assertThat(volume.getJsonObject("data").getString("path"))
        .isEqualTo(DropcartDeployment.dataDirectory().toString());

    Reply live = api().get("health/live", null);
    assertThat(live.status()).isEqualTo(200);
    assertThat(live.json().getString("status")).isEqualTo("UP");
  }

  @Test
  void theOpenApiDocumentDescribesEveryResource() {
    Reply doc = api().get("openapi", null);

    assertThat(doc.status()).isEqualTo(200);
    assertThat(doc.body()).contains(
        "/api/auth/signup:", "/api/auth/login/{username}:", "/api/auth/logout/{username}:",
        "/api/auth/validate:", "/api/auth/token:", "/api/admin/users:", "/api/admin/users/{username}:",
        "/api/admin/audit:", "/api/admin/jobs:", "/api/admin/jobs/{name}:", "bearerFormat: JWT");
  }

  @Test
  void unknownRoutesAndWrongMethodsAnswerWithProblems() {
    Api api = api();
    Reply notFound = api.get("api/no-such-thing", null);
    assertProblem(notFound, 404, "not-found");
    assertProblem(api.get("no-such-page", null), 404, "not-found");

    Reply wrongMethod = api.delete("api/auth/signup", null);
    assertProblem(wrongMethod, 405, "method-not-allowed");
    assertThat(wrongMethod.header("Allow")).hasValueSatisfying(a -> assertThat(a).contains("POST"));
  }

  @Test
  void everyResponseCarriesARequestIdAndHonoursAReasonableOne() {
    Api api = api();
    Reply generated = api.get("api/auth/validate", null);
    assertThat(generated.header("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).hasSizeGreaterThan(8));
    assertThat(generated.json().getString("requestId")).isEqualTo(generated.header("X-Request-Id").orElseThrow());

    Reply chosen = api.send(api.request("api/no-such-thing", null).header("X-Request-Id", "trace-me-42").GET());
    assertThat(chosen.header("X-Request-Id")).contains("trace-me-42");
    assertThat(chosen.json().getString("requestId")).isEqualTo("trace-me-42");

    Reply hostile = api.send(api.request("api/no-such-thing", null).header("X-Request-Id", "bad id\u00e9").GET());
    assertThat(hostile.header("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).doesNotContain(" "));
  }

  @Test
  void aBodyOverTheCapIsRefusedWith413WhetherItsLengthIsDeclaredOrNot() throws Exception {
    Api api = api();
    String big = "{\"username\":\"" + "x".repeat(1_100_000) + "\",\"password\":\"long-enough-pw\"}";

    Reply declared = api.send("POST", "api/auth/signup", "application/json", BodyPublishers.ofString(big), null);
    assertProblem(declared, 413, "body-too-large");

    // Chunked: no Content-Length, so the cap trips while the body is being read. The server answers
    // and closes while the client is still sending; the JDK client cannot read a response before
    // it has sent everything, so this request is spoken over a plain socket, as curl does.
    String streamed = chunkedPost("/api/auth/signup", big.getBytes(StandardCharsets.UTF_8));
    assertThat(streamed).startsWith("HTTP/1.1 413");
    assertThat(streamed).contains("application/problem+json", "urn:dropcart:problem:body-too-large");

    // The server is unharmed: a normal request still works.
    assertThat(api.post("api/auth/signup", Api.credentials(Api.uniqueName("after-cap"), "long-enough-pw"), null).status())
        .isEqualTo(201);
  }

  @Test
  void adminsListEveryJobAndRunTokenCleanupOnDemand() {
    Api api = api();
    String admin = api.adminToken();

    JsonArray before = api.get("api/admin/jobs", admin).jsonArray();
    JsonObject cleanup = before.stream().map(v -> v.asJsonObject())
        .filter(j -> j.getString("name").equals("token-cleanup")).findFirst().orElseThrow();
    assertThat(cleanup.getString("description")).isNotBlank();
    assertThat(cleanup.getString("schedule")).isEqualTo("off");

    Reply started = api.post("api/admin/jobs/token-cleanup", null, admin);
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    long executionId = started.json().getJsonNumber("executionId").longValue();

    JsonObject done = Eventually.await("token-cleanup execution " + executionId, Duration.ofSeconds(30),
        () -> api.get("api/admin/jobs/token-cleanup?executions=10", admin).json(),
        job -> job.getJsonArray("executions").stream().map(v -> v.asJsonObject())
            .anyMatch(e -> e.getJsonNumber("executionId").longValue() == executionId
                && e.getString("batchStatus").equals("COMPLETED")));
    JsonObject execution = done.getJsonArray("executions").stream().map(v -> v.asJsonObject())
        .filter(e -> e.getJsonNumber("executionId").longValue() == executionId).findFirst().orElseThrow();
    List<String> steps = execution.getJsonArray("steps").stream()
        .map(v -> v.asJsonObject().getString("name")).toList();
    assertThat(steps).containsExactly("purge-expired-revocations", "purge-old-audit-records");
    assertThat(execution.getJsonArray("steps").stream().map(v -> v.asJsonObject())
        .map(s -> s.getString("batchStatus"))).containsOnly("COMPLETED");
    assertThat(execution.getJsonArray("steps").getJsonObject(0).getString("exitStatus")).startsWith("PURGED ");

    assertProblem(api.post("api/admin/jobs/no-such-job", null, admin), 404, "unknown-job");
    assertProblem(api.get("api/admin/jobs/no-such-job", admin), 404, "unknown-job");
    assertProblem(api.get("api/admin/jobs?executions=0", admin), 400, "invalid-input");
  }

  @Test
  void expiredRevocationsArePurgedByTheJobAndLiveOnesKept() {
    Api api = api();
    String admin = api.adminToken();
    String name = Api.uniqueName("purge");
    String token = api.signUp(name, "long-enough-pw");
    api.put("api/auth/logout/" + name, null, token);

    Reply started = api.post("api/admin/jobs/token-cleanup", null, admin);
    long id = started.json().getJsonNumber("executionId").longValue();
    Eventually.await("cleanup run", Duration.ofSeconds(30),
        () -> api.get("api/admin/jobs/token-cleanup?executions=10", admin).json(),
        job -> job.getJsonArray("executions").stream().map(v -> v.asJsonObject())
            .anyMatch(e -> e.getJsonNumber("executionId").longValue() == id
                && e.getString("batchStatus").equals("COMPLETED")));

    // The signed-out token has not expired yet, so its deny-list entry must survive the purge.
    assertProblem(api.get("api/auth/validate", token), 401, "token-revoked");
  }



  /** Sends a chunked POST and returns the raw response, reading it while the body is still going out. */
  private String chunkedPost(String path, byte[] body) throws Exception {
    try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      var out = socket.getOutputStream();
      Thread writer = new Thread(() -> {
        try {
          out.write(("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
              + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          for (int i = 0; i < body.length; i += 16_384) {
            int n = Math.min(16_384, body.length - i);
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, i, n);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          }
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        } catch (java.io.IOException closedByServer) {
          // Expected once the server has refused the body.
        }
      });
      writer.start();
      byte[] response = socket.getInputStream().readAllBytes();
      writer.join(30_000);
      String text = new String(response, StandardCharsets.UTF_8);
      // Skip an interim "100 Continue" if the server sent one.
      return text.startsWith("HTTP/1.1 100") ? text.substring(text.indexOf("HTTP/1.1", 12)) : text;
    }
  }
}
