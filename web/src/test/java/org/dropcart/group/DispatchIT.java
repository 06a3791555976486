package org.dropcart.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dropcart.support.Groups.awaitPlace;
import static org.dropcart.support.Groups.nextWindow;
import static org.dropcart.support.Groups.pool;
import static org.dropcart.support.Groups.poolWithLateness;
import static org.dropcart.support.Groups.runJob;
import static org.dropcart.support.Groups.send;
import static org.dropcart.support.Groups.stepExit;
import static org.dropcart.support.ProblemAssert.assertProblem;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.dropcart.support.Api;
import org.dropcart.support.Api.Reply;
import org.dropcart.support.DropcartDeployment;
import org.dropcart.support.Eventually;
import org.dropcart.support.SocketClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Dispatch to an external processor: a real HTTP server started by the test receives manifests,
 * checks their signature and fetches every file and the bundle through the signed links, as a
 * processor would; triggers on-seal, count:N, manual and pull; retries into FAILED; bad links.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DispatchIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return DropcartDeployment.war();
  }

  @ArquillianResource private URL base;

  private static final String PASSWORD = "dispatch-password-1";
  private static final String SECRET = "processor-secret-0123456789";
  private final HttpClient http = HttpClient.newHttpClient();
  private HttpServer processor;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> callsPerGroup = new ConcurrentHashMap<>();
  private volatile int answer = 202;

  /** One manifest as the processor received it, with what its signature header said. */
  record Received(JsonObject manifest, String signature, String dispatchId, byte[] body) {}

  @BeforeEach
  void startProcessor() throws Exception {
    processor = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    processor.createContext("/process", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      JsonObject manifest = Json.createReader(new ByteArrayInputStream(body)).readObject();
      received.add(new Received(manifest, exchange.getRequestHeaders().getFirst("X-Dropcart-Signature"),
          exchange.getRequestHeaders().getFirst("X-Dropcart-Dispatch"), body));
      callsPerGroup.computeIfAbsent(manifest.getString("groupId"), g -> new AtomicInteger()).incrementAndGet();
      exchange.sendResponseHeaders(answer, -1);
      exchange.close();
    });
    processor.start();
  }

  @AfterEach
  void stopProcessor() {
    processor.stop(0);
  }

  private String processorUrl() {
    return "http://127.0.0.1:" + processor.getAddress().getPort() + "/process";
  }

  private Api api() {
    return new Api(base);
  }

  private void setProcessor(Api api, String admin, String pool, String url, String trigger) {
    Reply set = api.put("api/pools/" + pool + "/processor", "{\"url\":\"" + url + "\",\"secret\":\"" + SECRET
        + "\",\"trigger\":\"" + trigger + "\"}", admin);
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
  }

  private JsonObject group(Api api, String token, String pool, String groupId) {
    return api.get("api/pools/" + pool + "/groups/" + groupId, token).json().getJsonObject("group");
  }

  @Test
  void aGroupGoesToItsProcessorOnceWhenItSealsWithLinksThatNeedNoAccount() throws Exception {
    Api api = api();
    String admin = api.adminToken();
    String name = Api.uniqueName("sensor");
    String token = api.signUp(name, PASSWORD);
    String awayName = Api.uniqueName("away");
    String away = api.signUp(awayName, PASSWORD);
    String pool = poolWithLateness(api, admin, "PT2S", "PT0S", "next", name, awayName);
    setProcessor(api, admin, pool, processorUrl(), "on-seal");
    Instant w = nextWindow();
    String a = send(api, token, pool, "a.csv", w.plusMillis(200), 50);
    String b = send(api, token, pool, "b.csv", w.plusMillis(900), 70);
    awaitPlace(api, token, pool, a, "pending");
    awaitPlace(api, token, pool, b, "pending");

    // The window ends at w + 2 s and seals then (no lateness): run the job until it is sent.
    Received got = Eventually.await("the manifest", Duration.ofSeconds(120), () -> {
      runJob(api, admin);
      return received.stream().filter(r -> r.manifest().getJsonArray("files").size() == 2
          && r.manifest().getJsonObject("pool").getString("id").equals(pool)).findFirst().orElse(null);
    }, r -> r != null);
    JsonObject m = got.manifest();
    String groupId = m.getString("groupId");
    assertThat(got.signature()).isEqualTo("sha256=" + hmac(SECRET, got.body()));
    assertThat(got.dispatchId()).isEqualTo(m.getString("dispatchId"));
    assertThat(Instant.parse(m.getJsonObject("window").getString("start"))).isEqualTo(w);
    assertThat(Instant.parse(m.getJsonObject("window").getString("end"))).isEqualTo(w.plusSeconds(2));

    // Every file through its link, without a token of ours; the sha256 in the manifest holds.
    Map<String, String> shas = new java.util.HashMap<>();
    for (var v : m.getJsonArray("files")) {
      JsonObject f = v.asJsonObject();
      HttpResponse<byte[]> r = get(f.getString("url"));
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(sha256(r.body())).isEqualTo(f.getString("sha256"));
      assertThat((long) r.body().length).isEqualTo(f.getJsonNumber("size").longValue());
      shas.put(f.getString("fileName"), f.getString("sha256"));
    }
    assertThat(shas).containsOnlyKeys(a, b);
    HttpResponse<byte[]> bundle = get(m.getString("bundleUrl"));
    assertThat(bundle.statusCode()).isEqualTo(200);
    assertThat(bundle.headers().firstValue("Content-Type")).contains("application/x-tar");
    Map<String, String> inTar = new java.util.HashMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(bundle.body()))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        inTar.put(e.getName(), sha256(tar.readAllBytes()));
      }
    }
    assertThat(inTar).isEqualTo(shas);

    JsonObject g = Eventually.await("the group dispatched", Duration.ofSeconds(30),
        () -> group(api, token, pool, groupId), x -> x.getString("status").equals("DISPATCHED"));
    assertThat(g.getInt("dispatchAttempts")).isEqualTo(1);
    assertThat(g.getString("dispatchedAt")).isNotBlank();
    // Later runs of the job send nothing again.
    runJob(api, admin);
    Thread.sleep(1000);
    assertThat(callsPerGroup.get(groupId).get()).isEqualTo(1);

    // Links are tamper-proof and good for one thing each.
    String fileUrl = m.getJsonArray("files").getJsonObject(0).getString("url");
    String otherFile = m.getJsonArray("files").getJsonObject(1).getString("fileName");
    String tokenParam = fileUrl.substring(fileUrl.indexOf("?token=") + 7);
    // One character inside the signature (the last one may only carry base64 padding bits).
    int at = fileUrl.lastIndexOf('.') + 5;
    String tampered = fileUrl.substring(0, at) + (fileUrl.charAt(at) == 'A' ? 'B' : 'A') + fileUrl.substring(at + 1);
    assertProblem(api.send(HttpRequest.newBuilder(URI.create(tampered)).GET()), 403, "bad-link");
    assertProblem(api.send(HttpRequest.newBuilder(URI.create(fileUrl.substring(0, fileUrl.indexOf('?')))).GET()),
        403, "bad-link");
    String swapped = "api/pools/" + pool + "/groups/" + groupId + "/files/" + otherFile + "?token=" + tokenParam;
    assertProblem(api.get(swapped, null), 403, "bad-link");
    String bundleToken = m.getString("bundleUrl").substring(m.getString("bundleUrl").indexOf("?token="));
    assertProblem(api.get("api/pools/" + pool + "/groups/" + groupId + "/files/" + otherFile + bundleToken, null),
        403, "bad-link");

    // The processor PUTs its one result to the callback URL; members online are told at once.
    String callback = m.getString("callbackUrl");
    byte[] resultBytes = "merged result\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
    try (SocketClient ws = SocketClient.connect(URI.create(base.toString()), token)) {
      ws.awaitType("connected");
      assertProblem(put(api, callback.replace("?token=", "?token=x"), resultBytes, null), 401, "bad-callback-token");
      assertProblem(put(api, "api/pools/" + pool + "/groups/" + groupId + "/result", resultBytes, null), 401,
          "bad-callback-token");
      Reply stored = put(api, callback + "&name=merged.txt", resultBytes, null);
      assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
      JsonObject result = stored.json();
      assertThat(result.getString("sha256")).isEqualTo(sha256(resultBytes));
      JsonObject ready = ws.awaitType("result-ready");
      assertThat(ready.getString("groupId")).isEqualTo(groupId);
      assertThat(ready.getString("sha256")).isEqualTo(sha256(resultBytes));
      assertThat(api.getBytes(ready.getString("url"), token).body()).isEqualTo(resultBytes);
    }
    JsonObject done = group(api, token, pool, groupId);
    assertThat(done.getString("status")).isEqualTo("DONE");

    // The member who was away finds it pending: listed, and pushed when it connects, until it acknowledges.
    JsonObject owed = api.get("api/deliveries", away).json();
    assertThat(owed.getInt("total")).isEqualTo(1);
    assertThat(owed.getJsonArray("items").getJsonObject(0).getString("groupId")).isEqualTo(groupId);
    try (SocketClient ws = SocketClient.connect(URI.create(base.toString()), away)) {
      ws.awaitType("connected");
      JsonObject pushed = ws.awaitType("result-ready");
      assertThat(pushed.getBoolean("pending")).isTrue();
      assertThat(pushed.getString("sha256")).isEqualTo(sha256(resultBytes));
      ws.send(Json.createObjectBuilder().add("type", "ack").add("deliveryId", pushed.getString("deliveryId")).build());
      assertThat(ws.awaitType("acked").getString("deliveryId")).isEqualTo(groupId);
    }
    try (SocketClient ws = SocketClient.connect(URI.create(base.toString()), away)) {
      ws.awaitType("connected");
      assertThat(ws.arrives(x -> x.getString("type", "").equals("result-ready"), 2)).isFalse();
    }
    assertThat(api.get("api/deliveries", away).json().getInt("total")).isZero();
    JsonObject all = api.get("api/deliveries?state=all", away).json().getJsonArray("items").getJsonObject(0);
    assertThat(all.getString("ackedAt")).isNotBlank();
    // The member who was online acknowledges over REST; an unknown delivery is 404, a bad state 400.
    assertThat(api.get("api/deliveries", token).json().getInt("total")).isEqualTo(1);
    Reply acked = api.post("api/deliveries/" + groupId + "/ack", null, token);
    assertThat(acked.status()).as(acked.toString()).isEqualTo(200);
    assertThat(api.post("api/deliveries/" + groupId + "/ack", null, token).status()).isEqualTo(200);
    assertProblem(api.post("api/deliveries/nope/ack", null, token), 404, "unknown-delivery");
    assertProblem(api.get("api/deliveries?state=later", token), 400, "invalid-input");
    assertProblem(api.post("api/deliveries/" + groupId + "/ack", null, admin), 404, "unknown-delivery");
    JsonObject listed = api.get("api/pools/" + pool + "/results", token).json().getJsonArray("items").getJsonObject(0);
    assertThat(listed.getString("groupId")).isEqualTo(groupId);
    assertThat(listed.getString("name")).isEqualTo("merged.txt");
    // One result per group: a second is refused, unless an admin replaces it.
    assertProblem(put(api, callback, "again".getBytes(StandardCharsets.UTF_8), null), 409, "group-done");
    assertProblem(put(api, callback + "&replace=true", "again".getBytes(StandardCharsets.UTF_8), token), 403,
        "forbidden");
    Reply replaced = put(api, callback + "&replace=true", "again".getBytes(StandardCharsets.UTF_8), admin);
    assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
    assertThat(replaced.json().getString("fileName")).isNotEqualTo(listed.getString("fileName"));
    assertThat(api.get("api/pools/" + pool + "/results", token).json().getInt("total")).isEqualTo(1);
    // A replaced result is owed again to everyone.
    assertThat(api.get("api/deliveries", away).json().getJsonArray("items").getJsonObject(0).getString("fileName"))
        .isEqualTo(replaced.json().getString("fileName"));
    assertProblem(api.post("api/pools/" + pool + "/groups/" + groupId + "/dispatch", null, admin), 409, "group-done");
    assertProblem(api.get("api/pools/" + pool + "/results", api.signUp(Api.uniqueName("nosy"), PASSWORD)), 403,
        "not-a-member");
  }

  @Test
  void anAdminSendsADispatchedGroupAgain() throws Exception {
    Api api = api();
    String admin = api.adminToken();
    String name = Api.uniqueName("resend");
    String token = api.signUp(name, PASSWORD);
    String pool = poolWithLateness(api, admin, "PT2S", "PT0S", "next", name);
    setProcessor(api, admin, pool, processorUrl(), "on-seal");
    Instant w = nextWindow();
    String a = send(api, token, pool, "a.csv", w.plusMillis(200), 5);
    awaitPlace(api, token, pool, a, "pending");
    Received got = Eventually.await("the manifest", Duration.ofSeconds(120), () -> {
      runJob(api, admin);
      return received.stream().filter(r -> r.manifest().getJsonObject("pool").getString("id").equals(pool))
          .findFirst().orElse(null);
    }, r -> r != null);
    String groupId = got.manifest().getString("groupId");
    Eventually.await("the group dispatched", Duration.ofSeconds(30), () -> group(api, token, pool, groupId),
        g -> g.getString("status").equals("DISPATCHED"));

    // A dispatched group may be sent again by an admin; an open one may not.
    Reply again = api.post("api/pools/" + pool + "/groups/" + groupId + "/dispatch", null, admin);
    assertThat(again.status()).as(again.toString()).isEqualTo(202);
    Eventually.await("the second dispatch", Duration.ofSeconds(30), () -> callsPerGroup.get(groupId).get(),
        n -> n == 2);
    assertProblem(api.post("api/pools/" + pool + "/groups/" + groupId + "/dispatch", null, token), 403, "forbidden");
    assertProblem(api.post("api/pools/" + pool + "/groups/nope/dispatch", null, admin), 404, "unknown-group");
  }

  @Test
  void countAndManualTriggersAndAProcessorThatNeverAnswersWell() {
    Api api = api();
    String admin = api.adminToken();
    String name = Api.uniqueName("counter");
    String token = api.signUp(name, PASSWORD);
    String counted = pool(api, admin, "PT1H", "next", name);
    setProcessor(api, admin, counted, processorUrl(), "count:2");
    Instant hour = Instant.now().plusSeconds(7200).truncatedTo(java.time.temporal.ChronoUnit.HOURS).plusSeconds(600);
    String c1 = send(api, token, counted, "c1.csv", hour, 5);
    String c2 = send(api, token, counted, "c2.csv", hour.plusSeconds(1), 5);
    String c3 = send(api, token, counted, "c3.csv", hour.plusSeconds(2), 5);
    for (String c : List.of(c1, c2, c3)) {
      awaitPlace(api, token, counted, c, "pending");
    }
    // One file per chunk: the group seals at its second file, in the middle of the run.
    assertThat(stepExit(runJob(api, admin, "?chunk=1"), "place-pending-files")).endsWith("1 left for the next run");
    JsonObject sealedEarly = api.get("api/pools/" + counted + "/groups", token).json().getJsonArray("items")
        .getJsonObject(0);
    assertThat(sealedEarly.getInt("files")).isEqualTo(2);
    Eventually.await("count:2 dispatch", Duration.ofSeconds(30),
        () -> callsPerGroup.getOrDefault(sealedEarly.getString("id"), new AtomicInteger()).get(), n -> n == 1);
    // The group sealed at 2 files although its window is hours ahead: the third file is late.
    assertThat(awaitPlace(api, token, counted, c3, "pending").getString("grouping")).isEqualTo("pending");
    runJob(api, admin);
    JsonObject third = awaitPlace(api, token, counted, c3, "grouped");
    assertThat(third.getString("groupId")).isNotEqualTo(sealedEarly.getString("id"));
    assertThat(third.getBoolean("late")).isTrue();

    // manual: nothing moves by itself; an open group cannot be dispatched.
    String manual = pool(api, admin, "PT1H", "next", name);
    assertProblem(api.post("api/pools/" + manual + "/groups/x/dispatch", null, admin), 404, "unknown-group");
    String m1 = send(api, token, manual, "m1.csv", hour, 5);
    awaitPlace(api, token, manual, m1, "pending");
    runJob(api, admin);
    String open = api.get("api/pools/" + manual + "/groups", token).json().getJsonArray("items").getJsonObject(0)
        .getString("id");
    assertProblem(api.post("api/pools/" + manual + "/groups/" + open + "/dispatch", null, admin), 409,
        "no-processor");
    setProcessor(api, admin, manual, "http://127.0.0.1:1/closed", "manual");
    assertProblem(api.post("api/pools/" + manual + "/groups/" + open + "/dispatch", null, admin), 409, "group-open");

    // A processor that cannot be reached: retried with growing delays, then FAILED with the reason.
    String failing = poolWithLateness(api, admin, "PT2S", "PT0S", "next", name);
    setProcessor(api, admin, failing, "http://127.0.0.1:1/closed", "on-seal");
    Instant w = nextWindow();
    String f1 = send(api, token, failing, "f1.csv", w.plusMillis(100), 5);
    awaitPlace(api, token, failing, f1, "pending");
    JsonObject failed = Eventually.await("the group failed", Duration.ofSeconds(150), () -> {
      runJob(api, admin);
      var items = api.get("api/pools/" + failing + "/groups", token).json().getJsonArray("items");
      return items.isEmpty() ? null : items.getJsonObject(0);
    }, g -> g != null && g.getString("status").equals("FAILED"));
    assertThat(failed.getInt("dispatchAttempts")).isEqualTo(5);
    assertThat(failed.getString("failure")).contains("could not be reached").contains("after 5 attempts");

    // Once the processor is fixed, the admin sends the failed group again.
    setProcessor(api, admin, failing, processorUrl(), "on-seal");
    answer = 500;
    Reply retry = api.post("api/pools/" + failing + "/groups/" + failed.getString("id") + "/dispatch", null, admin);
    assertThat(retry.status()).isEqualTo(202);
    JsonObject refusing = Eventually.await("attempts at a processor answering 500", Duration.ofSeconds(30),
        () -> group(api, token, failing, failed.getString("id")), g -> g.getInt("dispatchAttempts") >= 2);
    assertThat(refusing.getString("failure")).contains("HTTP 500");
    answer = 202;
    Eventually.await("the group dispatched at last", Duration.ofSeconds(60),
        () -> group(api, token, failing, failed.getString("id")), g -> g.getString("status").equals("DISPATCHED"));
  }

  @Test
  void aPullingProcessorTakesEachSealedGroupOnce() throws Exception {
    Api api = api();
    String admin = api.adminToken();
    String name = Api.uniqueName("puller");
    String token = api.signUp(name, PASSWORD);
    String pool = poolWithLateness(api, admin, "PT2S", "PT0S", "next", name);
    setProcessor(api, admin, pool, processorUrl(), "pull");
    Instant w = nextWindow();
    String p1 = send(api, token, pool, "p1.csv", w.plusMillis(100), 5);
    awaitPlace(api, token, pool, p1, "pending");
    Eventually.await("the group sealed", Duration.ofSeconds(120), () -> {
      runJob(api, admin);
      return api.get("api/pools/" + pool + "/groups?status=SEALED", token).json().getInt("total");
    }, n -> n == 1);

    assertProblem(pull(api, pool, "wrong-secret-wrong-secret", ""), 401, "bad-processor-credentials");
    assertProblem(pull(api, "no-such-pool", SECRET, ""), 401, "bad-processor-credentials");
    assertProblem(api.get("api/processor/groups", null), 401, "bad-processor-credentials");
    assertProblem(pull(api, pool, SECRET, "?status=OPEN"), 400, "invalid-input");
    Reply first = pull(api, pool, SECRET, "?status=SEALED");
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    var items = first.json().getJsonArray("items");
    assertThat(items).hasSize(1);
    JsonObject m = items.getJsonObject(0);
    assertThat(m.getJsonArray("files").getJsonObject(0).getString("fileName")).isEqualTo(p1);
    assertThat(get(m.getJsonArray("files").getJsonObject(0).getString("url")).statusCode()).isEqualTo(200);
    assertThat(pull(api, pool, SECRET, "").json().getJsonArray("items")).isEmpty();
    assertThat(group(api, token, pool, m.getString("groupId")).getString("status")).isEqualTo("DISPATCHED");
    // A pulling processor is never pushed to.
    assertProblem(api.post("api/pools/" + pool + "/groups/" + m.getString("groupId") + "/dispatch", null, admin),
        409, "processor-pulls");
    assertThat(received).noneMatch(r -> r.manifest().getString("groupId").equals(m.getString("groupId")));

    // The result comes back as a tus upload (the official client) on the manifest's resultUploadUrl:
    // the URL's token is the only credential, and the metadata names the group.
    String groupId = m.getString("groupId");
    String uploadUrl = m.getString("resultUploadUrl");
    byte[] resultBytes = "pulled result\n".repeat(40_000).getBytes(StandardCharsets.UTF_8);
    java.nio.file.Path file = java.nio.file.Files.createTempFile("result", ".txt");
    java.nio.file.Files.write(file, resultBytes);
    // Another group's id, no token, or a member's bearer token instead of the callback token: refused.
    assertProblem(tusCreate(api, uploadUrl.replace("group=" + groupId, "group=nope"), "nope", null), 401,
        "bad-callback-token");
    assertProblem(tusCreate(api, "api/upload/", groupId, null), 401, "unauthenticated");
    assertProblem(tusCreate(api, "api/upload/", groupId, token), 403, "callback-token-required");
    try (SocketClient ws = SocketClient.connect(URI.create(base.toString()), token)) {
      ws.awaitType("connected");
      io.tus.java.client.TusClient client = new io.tus.java.client.TusClient();
      client.setUploadCreationURL(new URL(uploadUrl));
      io.tus.java.client.TusUpload upload = new io.tus.java.client.TusUpload(file.toFile());
      upload.setMetadata(Map.of("group", groupId, "filename", "pulled.txt", "filetype", "text/plain"));
      io.tus.java.client.TusUploader uploader = client.createUpload(upload);
      uploader.setChunkSize(64 * 1024);
      assertThat(uploader.getUploadURL().getQuery()).contains("token=");
      // Half, then a resume from the server's offset (HEAD on the same URL), then the rest.
      while (uploader.getOffset() < resultBytes.length / 2 && uploader.uploadChunk() > -1) { }
      uploader.finish();
      io.tus.java.client.TusUpload again = new io.tus.java.client.TusUpload(file.toFile());
      again.setMetadata(upload.getMetadata());
      io.tus.java.client.TusUploader resumed = client.beginOrResumeUploadFromURL(again, uploader.getUploadURL());
      assertThat(resumed.getOffset()).isGreaterThanOrEqualTo(resultBytes.length / 2);
      while (resumed.uploadChunk() > -1) { }
      resumed.finish();
      JsonObject ready = ws.awaitType("result-ready");
      assertThat(ready.getString("groupId")).isEqualTo(groupId);
      assertThat(ready.getString("sha256")).isEqualTo(sha256(resultBytes));
      assertThat(api.getBytes(ready.getString("url"), token).body()).isEqualTo(resultBytes);
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
    JsonObject done = group(api, token, pool, groupId);
    assertThat(done.getString("status")).isEqualTo("DONE");
    JsonObject listed = api.get("api/pools/" + pool + "/results", token).json().getJsonArray("items").getJsonObject(0);
    assertThat(listed.getString("name")).isEqualTo("pulled.txt");
    // A second result for the done group is refused at creation.
    assertProblem(tusCreate(api, uploadUrl, groupId, null), 409, "group-done");
  }

  /** A tus creation request for a result of {@code group} (one byte long, no body). */
  private Reply tusCreate(Api api, String url, String group, String token) {
    return api.send(api.request(url, token).header("Tus-Resumable", "1.0.0").header("Upload-Length", "1")
        .header("Upload-Metadata", "group " + Base64.getEncoder().encodeToString(group.getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.noBody()));
  }

  private Reply put(Api api, String url, byte[] body, String token) {
    return api.send(api.request(url, token).header("Content-Type", "text/plain")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private Reply pull(Api api, String pool, String secret, String query) {
    return api.send(api.request("api/processor/groups" + query, null).header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString((pool + ":" + secret).getBytes(StandardCharsets.UTF_8))).GET());
  }

  private HttpResponse<byte[]> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static String hmac(String secret, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body));
  }
}
