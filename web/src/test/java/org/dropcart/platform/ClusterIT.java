package org.dropcart.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dropcart.support.Groups.awaitPlace;
import static org.dropcart.support.Groups.nextWindow;
import static org.dropcart.support.Groups.poolWithLateness;
import static org.dropcart.support.Groups.runJob;
import static org.dropcart.support.Groups.send;
import static org.dropcart.support.Tus.awaitSettled;
import static org.dropcart.support.Tus.create;
import static org.dropcart.support.Tus.headOffset;
import static org.dropcart.support.Tus.idOf;
import static org.dropcart.support.Tus.metadata;
import static org.dropcart.support.Tus.patch;
import static org.dropcart.support.Tus.sha256;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.dropcart.support.Api;
import org.dropcart.support.DropcartDeployment;
import org.dropcart.support.Eventually;
import org.dropcart.support.Launcher;
import org.dropcart.support.ProdProfile;
import org.dropcart.support.SocketClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two nodes, as README's "Scaling out" sets them up: two launchers clustered with Hazelcast on
 * loopback, on one PostgreSQL schema, one external broker, one Mongo-wire server and one data
 * directory (the shared volume). An upload begun on one node is finished on the other; a socket on
 * one node hears of a result the other dispatched; a scheduled job runs once per slot across the
 * cluster; and killing a node in the middle of an upload loses nothing the other one can finish.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
  private static final String ADMIN_PASSWORD = "cluster-admin-password";
  private static final String PASSWORD = "cluster-user-password";
  /** token-cleanup's schedule on both nodes: short, so the test sees many slots. */
  private static final Duration EVERY = Duration.ofSeconds(3);

  private static Launcher nodeA;
  private static Launcher nodeB;
  private static Api a;
  private static Api b;
  private static Instant bothUp;
  private static String admin;
  private static String user;
  private static String token;
  private static String pool;
  private static String handedOver;
  private static byte[] handedOverBytes;

  @BeforeAll
  static void startTwoNodes() throws Exception {
    Path shared = DropcartDeployment.work().resolve("cluster-volume");
    Map<String, String> env = new HashMap<>(ProdProfile.launcherEnvironment());
    int hazelcastA = Launcher.freePort();
    int hazelcastB = Launcher.freePort();
    env.put("DROPCART_CLUSTER_MEMBERS", "127.0.0.1:" + hazelcastA + ",127.0.0.1:" + hazelcastB);
    env.put("DROPCART_CLUSTER_INTERFACES", "127.0.0.1");
    // A name of its own: no other cluster on this machine (another build's) can join it.
    env.put("DROPCART_CLUSTER_NAME", Api.uniqueName("dropcart-it"));
    env.put("DROPCART_JOBS_TOKEN_CLEANUP_INTERVAL", EVERY.toString());
    nodeA = new Launcher("cluster-a", ADMIN_PASSWORD, shared, "a");
    nodeB = new Launcher("cluster-b", ADMIN_PASSWORD, shared, "b");
    nodeA.wipe();
    Map<String, String> envA = new HashMap<>(env);
    envA.put("DROPCART_CLUSTER_PORT", Integer.toString(hazelcastA));
    Map<String, String> envB = new HashMap<>(env);
    envB.put("DROPCART_CLUSTER_PORT", Integer.toString(hazelcastB));
    int broker = DropcartDeployment.brokerPort();
    // The first node makes the schema, the signing key and the admin; the second joins.
    a = nodeA.start(Launcher.freePort(), broker, envA, true);
    b = nodeB.start(Launcher.freePort(), broker, envB, true);
    bothUp = Instant.now();
    admin = a.logIn("admin", ADMIN_PASSWORD);
    user = Api.uniqueName("member");
    token = a.signUp(user, PASSWORD);
    pool = a.poolWith(admin, user);
  }

  @AfterAll
  static void stop() throws Exception {
    if (nodeA != null) {
      nodeA.stop();
    }
    if (nodeB != null) {
      nodeB.stop();
    }
  }

  @Test
  @Order(1)
  void theNodesFormOneCluster() {
    for (Launcher node : List.of(nodeA, nodeB)) {
      Eventually.await("two members in " + node.log(), Duration.ofSeconds(60), () -> {
        try {
          return Files.readString(node.log());
        } catch (IOException e) {
          return "";
        }
      }, log -> log.contains("DG Size: 2"));
    }
    // A token signed on one node is good on the other: they share the signing key.
    assertThat(b.get("api/pools", token).status()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void anUploadBegunOnOneNodeIsFinishedOnTheOther() {
    handedOverBytes = new byte[3 * 1024 * 1024 + 17];
    new Random(7).nextBytes(handedOverBytes);
    int half = handedOverBytes.length / 2;
    String location = create(a, token, handedOverBytes.length, metadata("pool", pool, "filename", "handover.bin"));
    handedOver = idOf(location);
    String onB = "api/upload/" + handedOver;
    assertThat(patch(a, location, token, 0, Arrays.copyOf(handedOverBytes, half), null).status()).isEqualTo(204);

    assertThat(headOffset(b, onB, token)).isEqualTo(half);
    assertThat(patch(b, onB, token, half, Arrays.copyOfRange(handedOverBytes, half, handedOverBytes.length), null)
        .status()).isEqualTo(204);

    JsonObject stored = Eventually.await("the handed-over upload stored", Duration.ofSeconds(60),
        () -> awaitSettled(b, token, pool, handedOver), f -> "STORED".equals(f.getString("activity", null)));
    assertThat(stored.getString("sha256")).isEqualTo(sha256(handedOverBytes));
    for (Api node : List.of(a, b)) {
      assertThat(node.getBytes("api/file/" + handedOver, token).body()).isEqualTo(handedOverBytes);
    }
  }

  @Test
  @Order(3)
  void aSocketOnOneNodeHearsOfAResultTheOtherNodeDispatched() throws Exception {
    List<String> callbacks = new CopyOnWriteArrayList<>();
    List<String> errors = new CopyOnWriteArrayList<>();
    byte[] result = "the processor's one result\n".getBytes(StandardCharsets.UTF_8);
    HttpClient http = HttpClient.newHttpClient();
    HttpServer processor = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    processor.createContext("/process", exchange -> {
      JsonObject manifest = Json.createReader(new ByteArrayInputStream(exchange.getRequestBody().readAllBytes()))
          .readObject();
      exchange.sendResponseHeaders(202, -1);
      exchange.close();
      String callback = manifest.getString("callbackUrl");
      callbacks.add(callback);
      CompletableFuture.runAsync(() -> {
        try {
          HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(callback + "&name=result.txt"))
              .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofByteArray(result)).build(),
              HttpResponse.BodyHandlers.ofString());
          if (put.statusCode() != 200) {
            errors.add("the result PUT answered " + put.statusCode() + " " + put.body());
          }
        } catch (Exception e) {
          errors.add(e.toString());
        }
      });
    });
    processor.start();
    try (SocketClient onB = SocketClient.connect(b.base(), token)) {
      onB.awaitType("connected");
      String grouped = poolWithLateness(a, admin, "PT2S", "PT0S", "next", user);
      assertThat(a.put("api/pools/" + grouped + "/processor", "{\"url\":\"http://127.0.0.1:"
          + processor.getAddress().getPort() + "/process\",\"secret\":\"cluster-processor-secret-01\","
          + "\"trigger\":\"manual\"}", admin).status()).isEqualTo(200);
      Instant window = nextWindow();
      String file = send(a, token, grouped, "reading.csv", window.plusMillis(500), 10);
      awaitPlace(a, admin, grouped, file, "pending");
      Thread.sleep(Math.max(0, Duration.between(Instant.now(), window.plusSeconds(3)).toMillis()));
      // Grouping and the dispatch both go through node A.
      String group = Eventually.await("the group sealed", Duration.ofSeconds(60), () -> {
        runJob(a, admin);
        return a.get("api/pools/" + grouped + "/groups?status=SEALED", admin).json();
      }, page -> page.getInt("total") == 1).getJsonArray("items").getJsonObject(0).getString("id");
      assertThat(a.post("api/pools/" + grouped + "/groups/" + group + "/dispatch", null, admin).status())
          .isEqualTo(202);

      JsonObject ready = onB.await(m -> "result-ready".equals(m.getString("type", null))
          && group.equals(m.getString("groupId", null)), "result-ready for group " + group + " on node B");
      assertThat(errors).isEmpty();
      assertThat(callbacks).hasSize(1);
      assertThat(ready.getString("sha256")).isEqualTo(sha256(result));
      assertThat(b.getBytes(ready.getString("url"), token).body()).isEqualTo(result);
    } finally {
      processor.stop(0);
    }
  }

  @Test
  @Order(4)
  void aScheduledJobRunsOncePerSlotAcrossTheCluster() throws Exception {
    // Long enough for several slots with both nodes up.
    Instant from = bothUp.plusSeconds(1);
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), from.plus(EVERY.multipliedBy(6))).toMillis()));
    Instant until = Instant.now().minus(EVERY);
    JsonObject job = b.get("api/admin/jobs/token-cleanup?executions=50", admin).json();
    Map<Long, List<Long>> bySlot = new TreeMap<>(job.getJsonArray("executions").stream().map(v -> v.asJsonObject())
        .filter(e -> {
          Instant created = Instant.parse(e.getString("createdAt"));
          return created.isAfter(from) && created.isBefore(until);
        })
        .collect(Collectors.groupingBy(e -> slotOf(Instant.parse(e.getString("createdAt"))),
            Collectors.mapping(e -> e.getJsonNumber("executionId").longValue(), Collectors.toList()))));
    long slots = Duration.between(from, until).dividedBy(EVERY);
    assertThat(bySlot.values()).as("executions per slot").allMatch(ids -> ids.size() == 1);
    assertThat((long) bySlot.size()).as("slots that ran, of %d", slots).isGreaterThanOrEqualTo(slots - 1);

    // Each ran on the node that claimed its slot, and only that node claimed it.
    Map<Long, String> claims = new HashMap<>();
    try (Connection db = ProdProfile.connect();
        PreparedStatement q = db.prepareStatement(
            "SELECT slot_start, node FROM scheduled_runs WHERE job_name = 'token-cleanup' AND slot_start >= ?")) {
      q.setLong(1, from.toEpochMilli());
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          claims.put(rs.getLong(1), rs.getString(2));
        }
      }
    }
    assertThat(claims.keySet()).containsAll(bySlot.keySet());
    assertThat(claims.values()).allMatch(n -> n.equals("a") || n.equals("b"));
  }

  private static long slotOf(Instant at) {
    long every = EVERY.toMillis();
    return Math.floorDiv(at.toEpochMilli() + every / 2, every) * every;
  }

  @Test
  @Order(5)
  void killingANodeInTheMiddleOfAnUploadLosesNothingTheOtherCanFinish() throws Exception {
    byte[] bytes = new byte[4 * 1024 * 1024];
    new Random(11).nextBytes(bytes);
    int acknowledged = 1024 * 1024;
    String location = create(a, token, bytes.length, metadata("pool", pool, "filename", "cut.bin"));
    String id = idOf(location);
    String onB = "api/upload/" + id;
    assertThat(patch(a, location, token, 0, Arrays.copyOf(bytes, acknowledged), null).status()).isEqualTo(204);

    // A PATCH on node A sends half a megabyte more, then stalls with the connection open.
    CountDownLatch never = new CountDownLatch(1);
    InputStream stalling = new InputStream() {
      private final InputStream first = new ByteArrayInputStream(bytes, acknowledged, 512 * 1024);

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = first.read(b, off, len);
        if (n > 0) {
          return n;
        }
        try {
          never.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new IOException("the test cut the body");
      }
    };
    CompletableFuture<HttpResponse<String>> stalled = HttpClient.newHttpClient().sendAsync(
        a.request(location, token).header("Tus-Resumable", "1.0.0")
            .header("Upload-Offset", Long.toString(acknowledged))
            .header("Content-Type", "application/offset+octet-stream")
            .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(() -> stalling)).build(),
        HttpResponse.BodyHandlers.ofString());
    Path part = DropcartDeployment.work().resolve("cluster-volume/volume/uploads/" + id + ".part");
    Eventually.await("node A writing past the acknowledged offset", Duration.ofSeconds(30),
        () -> {
          try {
            return Files.size(part);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }, size -> size > acknowledged);

    // Meanwhile node B refuses a second writer: one writer per upload across the cluster.
    Api.Reply second = patch(b, onB, token, acknowledged, Arrays.copyOfRange(bytes, acknowledged, acknowledged + 1024),
        null);
    assertThat(second.status()).as(second.toString()).isEqualTo(423);
    assertThat(second.problemKind()).isEqualTo("upload-busy");

    nodeA.killHard();
    never.countDown();
    assertThat(stalled).failsWithin(Duration.ofSeconds(30));

    // Node B carries on: the bytes A acknowledged are there, what it had not acknowledged is not.
    assertThat(headOffset(b, onB, token)).isEqualTo(acknowledged);
    assertThat(patch(b, onB, token, acknowledged, Arrays.copyOfRange(bytes, acknowledged, bytes.length), null)
        .status()).isEqualTo(204);
    JsonObject stored = Eventually.await("the cut upload stored", Duration.ofSeconds(60),
        () -> awaitSettled(b, token, pool, id), f -> "STORED".equals(f.getString("activity", null)));
    assertThat(stored.getString("sha256")).isEqualTo(sha256(bytes));
    assertThat(b.getBytes("api/file/" + id, token).body()).isEqualTo(bytes);
    // What was stored before is still there, and B is ready on its own.
    assertThat(b.getBytes("api/file/" + handedOver, token).body()).isEqualTo(handedOverBytes);
    Api.Reply ready = b.get("health/ready", null);
    assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
  }
}
