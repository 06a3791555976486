package org.dropcart.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dropcart.support.Groups.awaitPlace;
import static org.dropcart.support.Groups.csv;
import static org.dropcart.support.Groups.poolWithLateness;
import static org.dropcart.support.Groups.runJob;
import static org.dropcart.support.Groups.send;
import static org.dropcart.support.Groups.tar;
import static org.dropcart.support.Tus.idOf;
import static org.dropcart.support.Tus.metadata;
import static org.dropcart.support.Tus.sha256;
import static org.dropcart.support.Tus.upload;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.dropcart.support.Api;
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
 * Seed 003's whole promise in one run: three clients of a pool drop files across three windows
 * (one client's tar batch carries a timestamp for each window, one client is offline), the windows
 * seal, each group goes to a real external processor, which on its own fetches every file and the
 * bundle through the signed links, checks their sha256, works a moment and PUTs back one result;
 * the clients online get {@code result-ready} over the socket, the offline one on reconnecting.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ResultScenarioIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return DropcartDeployment.war();
  }

  @ArquillianResource private URL base;

  private static final String PASSWORD = "scenario-password-1";
  private static final String SECRET = "scenario-processor-secret-0123";
  private static final long WINDOW = 10;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ExecutorService work = Executors.newFixedThreadPool(2);
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  /** Per group, each file's sha256 as the processor read it through its link (and checked against the manifest). */
  private final Map<String, Map<String, String>> fetched = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> bundled = new ConcurrentHashMap<>();
  private final List<String> processorErrors = new CopyOnWriteArrayList<>();
  private HttpServer processor;

  @BeforeEach
  void startProcessor() throws Exception {
    processor = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    processor.createContext("/process", exchange -> {
      JsonObject manifest = Json.createReader(new ByteArrayInputStream(exchange.getRequestBody().readAllBytes()))
          .readObject();
      calls.computeIfAbsent(manifest.getString("groupId"), g -> new AtomicInteger()).incrementAndGet();
      exchange.sendResponseHeaders(202, -1);
      exchange.close();
      work.submit(() -> process(manifest));
    });
    processor.start();
  }

  @AfterEach
  void stopProcessor() {
    processor.stop(0);
    work.shutdownNow();
  }

  /** What the external processor does with a manifest, with nothing but its links. */
  private void process(JsonObject m) {
    String group = m.getString("groupId");
    try {
      Map<String, String> files = new TreeMap<>();
      for (var v : m.getJsonArray("files")) {
        JsonObject f = v.asJsonObject();
        HttpResponse<byte[]> r = get(f.getString("url"));
        String sha = sha256(r.body());
        if (r.statusCode() != 200 || !sha.equals(f.getString("sha256"))) {
          processorErrors.add(group + ": " + f.getString("fileName") + " answered " + r.statusCode() + " " + sha);
        }
        files.put(f.getString("fileName"), sha);
      }
      fetched.put(group, files);
      HttpResponse<byte[]> bundle = get(m.getString("bundleUrl"));
      Map<String, String> inTar = new TreeMap<>();
      try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(bundle.body()))) {
        for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
          inTar.put(e.getName(), sha256(tar.readAllBytes()));
        }
      }
      bundled.put(group, inTar);
      Thread.sleep(500); // the processor's work
      HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(m.getString("callbackUrl") + "&name=result.txt"))
          .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofByteArray(result(files))).build(),
          HttpResponse.BodyHandlers.ofString());
      if (put.statusCode() != 200) {
        processorErrors.add(group + ": the result PUT answered " + put.statusCode() + " " + put.body());
      }
    } catch (Exception e) {
      processorErrors.add(group + ": " + e);
    }
  }

  /** The processor's one result for a group: a line per file with its checksum. */
  private static byte[] result(Map<String, String> files) {
    return files.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + "\n").collect(Collectors.joining())
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void filesOfThreeClientsInThreeWindowsComeBackAsOneResultPerGroupToEveryMember() throws Exception {
    Api api = new Api(base);
    String admin = api.adminToken();
    String[] names = {Api.uniqueName("north"), Api.uniqueName("south"), Api.uniqueName("away")};
    String north = api.signUp(names[0], PASSWORD);
    String south = api.signUp(names[1], PASSWORD);
    String away = api.signUp(names[2], PASSWORD);
    String pool = poolWithLateness(api, admin, "PT" + WINDOW + "S", "PT0S", "next", names);
    assertThat(api.put("api/pools/" + pool + "/processor", "{\"url\":\"http://127.0.0.1:"
        + processor.getAddress().getPort() + "/process\",\"secret\":\"" + SECRET + "\",\"trigger\":\"on-seal\"}",
        admin).status()).isEqualTo(200);

    // Three windows that begin at least 15 s from now, so every file is placed while they are open.
    long first = Instant.now().getEpochSecond() + 15;
    Instant w0 = Instant.ofEpochSecond(first + WINDOW - Math.floorMod(first, WINDOW));
    Instant w1 = w0.plusSeconds(WINDOW);
    Instant w2 = w1.plusSeconds(WINDOW);

    try (SocketClient northSocket = SocketClient.connect(URI.create(base.toString()), north);
        SocketClient southSocket = SocketClient.connect(URI.create(base.toString()), south)) {
      northSocket.awaitType("connected");
      southSocket.awaitType("connected");
      Map<String, byte[]> sent = new HashMap<>();
      String a1 = send(api, north, pool, "a1.csv", w0.plusSeconds(1), 40);
      sent.put(a1, csv("a1.csv", 40));
      String a2 = send(api, north, pool, "a2.csv", w1.plusSeconds(2), 60);
      sent.put(a2, csv("a2.csv", 60));
      // South's one batch holds a timestamp in each window.
      String batch = idOf(upload(api, south, tar(Map.of("x.csv", w0.plusSeconds(5), "y.csv", w1.plusSeconds(5),
          "z.csv", w2.plusSeconds(5))), metadata("pool", pool, "filename", "batch.tar", "batch", "tar")));
      sent.put(batch + "-00001", csv("x.csv", 1));
      sent.put(batch + "-00002", csv("y.csv", 1));
      sent.put(batch + "-00003", csv("z.csv", 1));
      // The away client never opens a socket before the end.
      String c1 = send(api, away, pool, "c1.csv", w2.plusSeconds(7), 80);
      sent.put(c1, csv("c1.csv", 80));
      for (String f : sent.keySet()) {
        awaitPlace(api, admin, pool, f, "pending");
      }
      runJob(api, admin);
      Map<String, String> groupOf = new HashMap<>();
      for (String f : sent.keySet()) {
        JsonObject placed = awaitPlace(api, admin, pool, f, "grouped");
        assertThat(placed.getBoolean("late", false)).as(f + " was placed after its window sealed: the machine is too slow"
            + " for this scenario's " + WINDOW + " s windows").isFalse();
        groupOf.put(f, placed.getString("groupId"));
      }
      Map<String, Set<String>> expected = Map.of(
          groupOf.get(a1), Set.of(a1, batch + "-00001"),
          groupOf.get(a2), Set.of(a2, batch + "-00002"),
          groupOf.get(c1), Set.of(c1, batch + "-00003"));
      assertThat(expected).hasSize(3);
      for (var e : expected.entrySet()) {
        assertThat(e.getValue().stream().map(groupOf::get)).containsOnly(e.getKey());
      }

      // The windows seal one after the other; each group goes out once and comes back DONE.
      Eventually.await("three groups DONE", Duration.ofSeconds(120), () -> {
        runJob(api, admin);
        return api.get("api/pools/" + pool + "/groups?status=DONE", admin).json().getInt("total");
      }, n -> n == 3);
      assertThat(processorErrors).isEmpty();
      assertThat(calls.keySet()).isEqualTo(expected.keySet());
      assertThat(calls.values()).allMatch(n -> n.get() == 1);
      Map<String, byte[]> results = new HashMap<>();
      for (var e : expected.entrySet()) {
        Map<String, String> shas = e.getValue().stream().collect(Collectors.toMap(f -> f, f -> sha256(sent.get(f))));
        assertThat(fetched.get(e.getKey())).as("files of group " + e.getKey()).isEqualTo(shas);
        assertThat(bundled.get(e.getKey())).as("bundle of group " + e.getKey()).isEqualTo(shas);
        results.put(e.getKey(), result(new TreeMap<>(shas)));
      }

      // Both clients online are told of each result, and can download it.
      for (SocketClient socket : List.of(northSocket, southSocket)) {
        List<String> told = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          JsonObject ready = socket.awaitType("result-ready");
          byte[] want = results.get(ready.getString("groupId"));
          assertThat(want).as("a result-ready for a group of this pool").isNotNull();
          assertThat(ready.getString("sha256")).isEqualTo(sha256(want));
          assertThat(api.getBytes(ready.getString("url"), socket == northSocket ? north : south).body())
              .isEqualTo(want);
          told.add(ready.getString("groupId"));
        }
        assertThat(told).containsExactlyInAnyOrderElementsOf(expected.keySet());
      }
    }

    // The away client gets all three when it connects.
    try (SocketClient awaySocket = SocketClient.connect(URI.create(base.toString()), away)) {
      awaySocket.awaitType("connected");
      List<String> owed = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        JsonObject pushed = awaySocket.awaitType("result-ready");
        assertThat(pushed.getBoolean("pending")).isTrue();
        owed.add(pushed.getString("groupId"));
      }
      assertThat(owed).containsExactlyInAnyOrderElementsOf(calls.keySet());
    }
    assertThat(api.get("api/pools/" + pool + "/results", away).json().getInt("total")).isEqualTo(3);
  }

  private HttpResponse<byte[]> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
