package org.dropcart.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dropcart.support.ProblemAssert.assertProblem;
import static org.dropcart.support.Tus.awaitSettled;
import static org.dropcart.support.Tus.idOf;
import static org.dropcart.support.Tus.metadata;
import static org.dropcart.support.Tus.upload;
import static org.dropcart.support.Groups.JOB;
import static org.dropcart.support.Groups.awaitPlace;
import static org.dropcart.support.Groups.pool;
import static org.dropcart.support.Groups.runJob;
import static org.dropcart.support.Groups.send;
import static org.dropcart.support.Groups.stepExit;
import static org.dropcart.support.Groups.tar;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * Timestamp grouping through the public API: files of three clients (one sending a tar batch with
 * several timestamps) across three windows, late files under both policies, sealing, re-running
 * the job without double counting, and the bad input of the groups API.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GroupingIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return DropcartDeployment.war();
  }

  @ArquillianResource private URL base;

  private static final String PASSWORD = "grouping-password-1";

  private Api api() {
    return new Api(base);
  }

  @Test
  void filesOfThreeClientsFormOneGroupPerWindowAndLateFilesFollowThePoolPolicy() throws Exception {
    Api api = api();
    String admin = api.adminToken();
    String[] names = {Api.uniqueName("north"), Api.uniqueName("south"), Api.uniqueName("east")};
    String[] tokens = new String[3];
    for (int i = 0; i < 3; i++) {
      tokens[i] = api.signUp(names[i], PASSWORD);
    }
    String outsider = api.signUp(Api.uniqueName("outsider"), PASSWORD);
    String pool = pool(api, admin, "PT1M", "next", names);
    String strict = pool(api, admin, "PT1M", "reject", names[0]);

    // Three windows a day ahead: still open whenever the job runs.
    Instant w0 = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    Instant w1 = w0.plusSeconds(60);
    Instant w2 = w0.plusSeconds(120);
    String a1 = send(api, tokens[0], pool, "a1.csv", w0.plusSeconds(5), 100);
    String a2 = send(api, tokens[0], pool, "a2.csv", w0.plusSeconds(59), 200);
    String a3 = send(api, tokens[0], pool, "a3.csv", w1.plusSeconds(1), 300);
    // One batch of client two holds three timestamps, one per window.
    String batch = idOf(upload(api, tokens[1], tar(Map.of(
        "x.csv", w0.plusSeconds(30), "y.csv", w1.plusSeconds(30), "z.csv", w2.plusSeconds(30))),
        metadata("pool", pool, "filename", "batch.tar", "batch", "tar")));
    String c1 = send(api, tokens[2], pool, "c1.csv", w2.plusSeconds(59), 400);
    // Late: its window ended two hours ago, well past the grace.
    Instant past = Instant.now().minus(2, ChronoUnit.HOURS);
    String lateNext = send(api, tokens[1], pool, "late.csv", past, 50);
    String lateReject = send(api, tokens[0], strict, "late.csv", past, 60);
    for (String f : List.of(a1, a2, a3, c1, lateNext, batch + "-00001", batch + "-00002", batch + "-00003")) {
      assertThat(awaitPlace(api, admin, pool, f, "pending").getString("activity")).isEqualTo("STORED");
    }
    awaitPlace(api, admin, strict, lateReject, "pending");

    JsonObject run = runJob(api, admin);
    assertThat(stepExit(run, "place-pending-files")).startsWith("GROUPED ");

    Map<Instant, JsonObject> groups = api.get("api/pools/" + pool + "/groups", tokens[2]).json()
        .getJsonArray("items").stream().map(v -> v.asJsonObject())
        .collect(Collectors.toMap(g -> Instant.parse(g.getString("windowStart")), g -> g));
    assertThat(groups).containsKeys(w0, w1, w2).hasSize(4); // and the current window, with the late file
    assertThat(groups.get(w0).getInt("files")).isEqualTo(3);
    assertThat(groups.get(w1).getInt("files")).isEqualTo(2);
    assertThat(groups.get(w2).getInt("files")).isEqualTo(2);
    assertThat(groups.get(w0).getString("status")).isEqualTo("OPEN");
    assertThat(Instant.parse(groups.get(w0).getString("windowEnd"))).isEqualTo(w1);
    assertThat(Instant.parse(groups.get(w0).getString("sealsAt"))).isEqualTo(w1.plusSeconds(60));

    JsonObject first = api.get("api/pools/" + pool + "/groups/" + groups.get(w0).getString("id"), tokens[0]).json();
    List<String> inOrder = first.getJsonObject("files").getJsonArray("items").stream()
        .map(v -> v.asJsonObject().getString("fileName")).toList();
    assertThat(inOrder).containsExactly(a1, batch + "-00001", a2);
    long bytes = first.getJsonObject("files").getJsonArray("items").stream()
        .mapToLong(v -> v.asJsonObject().getJsonNumber("size").longValue()).sum();
    assertThat(first.getJsonObject("group").getJsonNumber("bytes").longValue()).isEqualTo(bytes);

    // The late file joined the group of the window it arrived in, keeping its own timestamp.
    JsonObject late = awaitSettled(api, admin, pool, lateNext);
    assertThat(late.getString("grouping")).isEqualTo("grouped");
    assertThat(late.getBoolean("late")).isTrue();
    assertThat(Instant.parse(late.getString("timestamp"))).isEqualTo(past.truncatedTo(ChronoUnit.MILLIS));
    JsonObject lateGroup = groups.values().stream().filter(g -> g.getString("id").equals(late.getString("groupId")))
        .findFirst().orElseThrow();
    assertThat(Instant.parse(lateGroup.getString("windowStart"))).isAfter(past);
    assertThat(awaitSettled(api, admin, pool, a1).getString("groupId")).isEqualTo(groups.get(w0).getString("id"));
    // The strict pool rejects it: in no group, and its listing says why.
    JsonObject rejected = awaitSettled(api, admin, strict, lateReject);
    assertThat(rejected.getString("grouping")).isEqualTo("rejected");
    assertThat(Api.isNull(rejected, "groupId")).isTrue();
    assertThat(api.get("api/pools/" + strict + "/groups", admin).json().getInt("total")).isZero();

    // Running again places nothing twice.
    runJob(api, admin);
    JsonObject again = api.get("api/pools/" + pool + "/groups/" + groups.get(w0).getString("id"), admin).json();
    assertThat(again.getJsonObject("group").getInt("files")).isEqualTo(3);
    assertThat(api.get("api/pools/" + pool + "/groups?status=open", admin).json().getInt("total")).isEqualTo(4);
    assertThat(api.get("api/pools/" + pool + "/groups?status=SEALED", admin).json().getInt("total")).isZero();

    // Bad input.
    assertProblem(api.get("api/pools/" + pool + "/groups?status=closed", admin), 400, "invalid-input");
    assertProblem(api.get("api/pools/" + pool + "/groups", outsider), 403, "not-a-member");
    assertProblem(api.get("api/pools/" + pool + "/groups/" + groups.get(w0).getString("id"), outsider), 403,
        "not-a-member");
    assertProblem(api.get("api/pools/" + pool + "/groups/no-such-group", admin), 404, "unknown-group");
    assertProblem(api.get("api/pools/" + strict + "/groups/" + groups.get(w0).getString("id"), admin), 404,
        "unknown-group");
    assertProblem(api.get("api/pools/no-such-pool/groups", admin), 404, "unknown-pool");
    assertProblem(api.post("api/admin/jobs/" + JOB, null, tokens[0]), 403, "forbidden");
  }

  @Test
  void aWindowSealsOnceItsEndPlusLatenessHasPassed() {
    Api api = api();
    String admin = api.adminToken();
    String name = Api.uniqueName("sealer");
    String token = api.signUp(name, PASSWORD);
    Reply created = api.post("api/pools", "{\"name\":\"" + Api.uniqueName("seal") + "\",\"groupingWindow\":\"PT2S\","
        + "\"lateness\":\"PT1S\"}", admin);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().getString("lateness")).isEqualTo("PT1S");
    assertThat(created.json().getString("latePolicy")).isEqualTo("next");
    String pool = created.json().getString("id");
    api.post("api/pools/" + pool + "/members", "{\"username\":\"" + name + "\"}", admin);
    String file = send(api, token, pool, "now.csv", Instant.now(), 10);
    awaitPlace(api, token, pool, file, "pending");

    JsonObject sealed = Eventually.await("the group sealed", Duration.ofSeconds(60), () -> {
      runJob(api, admin);
      return api.get("api/pools/" + pool + "/groups", token).json().getJsonArray("items").getJsonObject(0);
    }, g -> g != null && g.getString("status").equals("SEALED"));
    assertThat(sealed.getInt("files")).isEqualTo(1);
    assertThat(Instant.parse(sealed.getString("sealedAt"))).isAfterOrEqualTo(Instant.parse(sealed.getString("sealsAt")));
  }

  @Test
  void poolGroupingSettingsAreValidated() {
    Api api = api();
    String admin = api.adminToken();
    assertProblem(api.post("api/pools", "{\"name\":\"" + Api.uniqueName("bad") + "\",\"lateness\":\"-PT1M\"}", admin),
        400, "invalid-input");
    assertProblem(api.post("api/pools", "{\"name\":\"" + Api.uniqueName("bad") + "\",\"latePolicy\":\"drop\"}", admin),
        400, "invalid-input");
    assertProblem(api.post("api/pools", "{\"name\":\"" + Api.uniqueName("bad") + "\",\"groupingWindow\":\"PT0S\"}",
        admin), 400, "invalid-input");
    JsonObject defaults = api.post("api/pools", "{\"name\":\"" + Api.uniqueName("ok") + "\"}", admin).json();
    assertThat(defaults.getString("groupingWindow")).isEqualTo("PT5M");
    assertThat(defaults.getString("lateness")).isEqualTo("PT1M");
    assertThat(defaults.getString("latePolicy")).isEqualTo("next");
  }

  @Test
  void adminsSetAPoolsProcessorWhichNeverShowsItsSecret() {
    Api api = api();
    String admin = api.adminToken();
    String name = Api.uniqueName("member");
    String member = api.signUp(name, PASSWORD);
    String pool = pool(api, admin, "PT5M", "next", name);
    String path = "api/pools/" + pool + "/processor";

    assertProblem(api.get(path, admin), 404, "no-processor");
    Reply set = api.put(path, "{\"url\":\"http://127.0.0.1:9/process\",\"secret\":\"s3cret-s3cret-s3cret\","
        + "\"trigger\":\"count:5\"}", admin);
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    assertThat(set.json().getString("trigger")).isEqualTo("count:5");
    assertThat(set.body()).doesNotContain("s3cret");
    JsonObject read = api.get(path, admin).json();
    assertThat(read.getString("url")).isEqualTo("http://127.0.0.1:9/process");
    assertThat(read.getBoolean("secretSet")).isTrue();
    assertThat(read.toString()).doesNotContain("s3cret");

    assertProblem(api.put(path, "{\"url\":\"ftp://x/y\",\"secret\":\"s3cret-s3cret-s3cret\",\"trigger\":\"manual\"}",
        admin), 400, "invalid-input");
    assertProblem(api.put(path, "{\"url\":\"http://h/x\",\"secret\":\"short\",\"trigger\":\"manual\"}", admin),
        400, "invalid-input");
    assertProblem(api.put(path, "{\"url\":\"http://h/x\",\"secret\":\"s3cret-s3cret-s3cret\",\"trigger\":\"count:0\"}",
        admin), 400, "invalid-input");
    assertProblem(api.put(path, "{\"url\":\"http://h/x\",\"secret\":\"s3cret-s3cret-s3cret\"}", admin), 400,
        "invalid-input");
    assertProblem(api.put(path, "{\"url\":", admin), 400, "malformed-json");
    // A refused change kept the settings.
    assertThat(api.get(path, admin).json().getString("trigger")).isEqualTo("count:5");
    assertProblem(api.put(path, "{\"url\":\"http://h/x\",\"secret\":\"s3cret-s3cret-s3cret\",\"trigger\":\"manual\"}",
        member), 403, "forbidden");
    assertProblem(api.get(path, member), 403, "forbidden");
    assertProblem(api.delete(path, member), 403, "forbidden");
    assertProblem(api.put("api/pools/no-such-pool/processor",
        "{\"url\":\"http://h/x\",\"secret\":\"s3cret-s3cret-s3cret\",\"trigger\":\"manual\"}", admin), 404,
        "unknown-pool");

    assertThat(api.delete(path, admin).status()).isEqualTo(204);
    assertProblem(api.get(path, admin), 404, "no-processor");
  }
}
