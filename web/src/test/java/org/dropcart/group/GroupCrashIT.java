package org.dropcart.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dropcart.support.Groups.awaitPlace;
import static org.dropcart.support.Groups.nextWindow;
import static org.dropcart.support.Groups.poolWithLateness;
import static org.dropcart.support.Groups.runJob;
import static org.dropcart.support.Groups.send;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dropcart.support.Api;
import org.dropcart.support.Api.Reply;
import org.dropcart.support.Eventually;
import org.dropcart.support.Launcher;
import org.dropcart.support.Tus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Grouping and dispatch survive SIGKILL: the server is killed while the grouping job is half way
 * through its files, and again while a processor is being handed a group. After each restart no
 * file is in two groups, every group counts exactly its files, and every sealed group reaches the
 * processor exactly once (the processor counts the calls).
 */
class GroupCrashIT {
  private static final Launcher SERVER = new Launcher("group-crash", "group-crash-admin-password");
  private static final int FILES = 240;
  private static final String SECRET = "crash-processor-secret-0123";

  @Test
  void aKillDuringGroupingOrDispatchPlacesEveryFileOnceAndDispatchesEveryGroupOnce() throws Exception {
    Map<String, List<String>> calls = new ConcurrentHashMap<>();
    List<String> received = new CopyOnWriteArrayList<>();
    HttpServer processor = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    processor.createContext("/process", exchange -> {
      JsonObject manifest = Json.createReader(new ByteArrayInputStream(exchange.getRequestBody().readAllBytes()))
          .readObject();
      calls.computeIfAbsent(manifest.getString("groupId"), g -> new CopyOnWriteArrayList<>())
          .add(exchange.getRequestHeaders().getFirst("X-Dropcart-Dispatch"));
      received.add(manifest.getString("groupId"));
      try {
        Thread.sleep(4000); // a slow processor: the kill lands while it holds the request
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.sendResponseHeaders(202, -1);
      exchange.close();
    });
    processor.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    processor.start();
    try {
      SERVER.wipe();
      int port = Launcher.freePort();
      int brokerPort = Launcher.freePort();
      Map<String, String> env = Map.of("DROPCART_GROUPING_SCHEDULE", "off",
          "DROPCART_PROCESSOR_RETRY_DELAY", "PT0.5S");
      Api api = SERVER.start(port, brokerPort, env, true);
      String admin = api.logIn("admin", "group-crash-admin-password");
      String user = Api.uniqueName("grouper");
      String token = api.signUp(user, "group-crash-password-1");
      String many = poolWithLateness(api, admin, "PT1H", "PT0S", "next", user);
      String dispatched = poolWithLateness(api, admin, "PT2S", "PT0S", "next", user);
      Reply set = api.put("api/pools/" + dispatched + "/processor", "{\"url\":\"http://127.0.0.1:"
          + processor.getAddress().getPort() + "/process\",\"secret\":\"" + SECRET + "\",\"trigger\":\"on-seal\"}", admin);
      assertThat(set.status()).as(set.toString()).isEqualTo(200);

      // Many files over six future hours, sent with creation-with-upload (one request each).
      Instant hours = Instant.now().plus(Duration.ofDays(2));
      for (int i = 0; i < FILES; i++) {
        byte[] bytes = ("t,v\n" + i + ",1\n").getBytes(StandardCharsets.UTF_8);
        Reply r = api.send(api.request("api/upload/", token).header("Tus-Resumable", "1.0.0")
            .header("Upload-Length", Integer.toString(bytes.length))
            .header("Content-Type", "application/offset+octet-stream")
            .header("Upload-Metadata", Tus.metadata("pool", many, "filename", "f" + i + ".csv",
                "timestamp", hours.plusSeconds(i * 90L).toString()))
            .POST(BodyPublishers.ofByteArray(bytes)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
      }
      Api seeding = api;
      String seedingAdmin = admin;
      Eventually.await("every file stored and pending", Duration.ofSeconds(240),
          () -> pending(seeding, seedingAdmin, many), n -> n == FILES);

      // Kill one: half way through grouping, one file per chunk.
      Reply started = api.post("api/admin/jobs/timestamp-grouping?chunk=1", null, admin);
      assertThat(started.status()).as(started.toString()).isEqualTo(202);
      Eventually.await("grouping half way", Duration.ofSeconds(120), () -> grouped(seeding, seedingAdmin, many),
          n -> n >= 20);
      SERVER.killHard();
      api = SERVER.start(port, brokerPort, env, true);
      admin = api.logIn("admin", "group-crash-admin-password");
      int before = grouped(api, admin, many);
      assertThat(before).as("files grouped before the kill").isBetween(20, FILES - 1);
      runJob(api, admin);
      assertEveryFileInExactlyOneGroup(api, admin, many);

      // Kill two: while the processor holds the first group of the dispatching pool.
      Instant w = nextWindow();
      List<String> names = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        names.add(send(api, token, dispatched, "d" + i + ".csv",
            w.plusSeconds(2L * i).plusMillis(300), 3));
      }
      for (String n : names) {
        awaitPlace(api, token, dispatched, n, "pending");
      }
      Api live = api;
      String liveAdmin = admin;
      Eventually.await("the first group at the processor", Duration.ofSeconds(120), () -> {
        runJob(live, liveAdmin);
        return received.size();
      }, n -> n >= 1);
      SERVER.killHard();
      Thread.sleep(5000); // the processor finishes with the request whose answer nobody reads
      api = SERVER.start(port, brokerPort, env, true);
      admin = api.logIn("admin", "group-crash-admin-password");
      Api after = api;
      String afterAdmin = admin;
      Eventually.await("all three groups dispatched", Duration.ofSeconds(180), () -> {
        runJob(after, afterAdmin);
        return after.get("api/pools/" + dispatched + "/groups?size=50", afterAdmin).json().getJsonArray("items")
            .stream().map(v -> v.asJsonObject().getString("status")).toList();
      }, st -> st.size() == 3 && st.stream().allMatch("DISPATCHED"::equals));
      Thread.sleep(2000);
      assertThat(calls).as("groups the processor was given").hasSize(3);
      calls.forEach((group, dispatches) ->
          assertThat(dispatches).as("calls for group " + group).hasSize(1));
      assertEveryFileInExactlyOneGroup(api, admin, dispatched);
    } finally {
      processor.stop(0);
    }
  }

  private static List<JsonObject> files(Api api, String admin, String pool) {
    return api.get("api/pools/" + pool + "/files?size=500", admin).json().getJsonArray("items").stream()
        .map(v -> v.asJsonObject()).toList();
  }

  private static int pending(Api api, String admin, String pool) {
    return (int) files(api, admin, pool).stream().filter(f -> "pending".equals(f.getString("grouping", null))).count();
  }

  private static int grouped(Api api, String admin, String pool) {
    return api.get("api/pools/" + pool + "/groups?size=100", admin).json().getJsonArray("items").stream()
        .mapToInt(g -> g.asJsonObject().getInt("files")).sum();
  }

  /** Every file is grouped, and each group's count is exactly the files that name it. */
  private static void assertEveryFileInExactlyOneGroup(Api api, String admin, String pool) {
    List<JsonObject> files = files(api, admin, pool);
    Map<String, Integer> perGroup = new HashMap<>();
    Set<String> names = new HashSet<>();
    for (JsonObject f : files) {
      assertThat(f.getString("grouping", null)).as(f.getString("fileName")).isEqualTo("grouped");
      perGroup.merge(f.getString("groupId"), 1, Integer::sum);
      assertThat(names.add(f.getString("fileName"))).isTrue();
    }
    for (var g : api.get("api/pools/" + pool + "/groups?size=100", admin).json().getJsonArray("items")) {
      JsonObject group = g.asJsonObject();
      assertThat(group.getInt("files")).as("files counted in group " + group.getString("id"))
          .isEqualTo(perGroup.getOrDefault(group.getString("id"), 0));
      // Each group's own listing holds exactly the files that name it.
      JsonObject detail = api.get("api/pools/" + pool + "/groups/" + group.getString("id") + "?size=500", admin).json();
      assertThat(detail.getJsonObject("files").getJsonArray("items")).hasSize(group.getInt("files"));
    }
    assertThat(perGroup.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(files.size());
  }

  @AfterAll
  static void stop() throws Exception {
    SERVER.stop();
  }
}
