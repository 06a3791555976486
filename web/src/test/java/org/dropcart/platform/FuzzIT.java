package org.dropcart.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.IOException;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;
import org.dropcart.support.Api;
import org.dropcart.support.Api.Reply;
import org.dropcart.support.Carts;
import org.dropcart.support.DropcartDeployment;
import org.dropcart.support.Faas;
import org.dropcart.support.SocketClient;
import org.dropcart.support.Tus;
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
 * Fuzzing the inputs an attacker controls, with jqwik's generators (edge cases first, then random
 * values; the seed is printed, and {@code -Ddropcart.fuzz.seed=} replays a run): the tus headers,
 * the JSON bodies, path segments and query values, function archives with hostile entry names, and
 * socket messages. Every answer must be below 500 and free of stack traces; no file may appear
 * outside the data directory; the socket must answer a keep-alive after the garbage.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FuzzIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return DropcartDeployment.war();
  }

  private static final int CASES = Integer.getInteger("dropcart.fuzz.cases", 150);
  private static final long SEED = Long.getLong("dropcart.fuzz.seed", System.nanoTime());

  @ArquillianResource private URL base;

  private Api api;
  private Random random;
  private static String token;
  private static String admin;
  private static String pool;

  @BeforeEach
  void setUp() {
    // jqwik's generators outside a jqwik property: in a session of their own.
    JqwikSession.start();
    // HTTP/1.1, as tus clients and curl speak it: over h2c, Grizzly resets a stream (or the whole
    // connection) whose header list is too large instead of answering 400 (see RELIABILITY.md).
    api = new Api(java.net.URI.create(base.toString()), java.net.http.HttpClient.Version.HTTP_1_1);
    random = new Random(SEED);
    System.out.println("FuzzIT seed " + SEED + " (replay: -Ddropcart.fuzz.seed=" + SEED + ")");
    if (token == null) {
      admin = api.adminToken();
      String name = Api.uniqueName("fuzzer");
      token = api.signUp(name, "fuzz-password-1");
      pool = api.poolWith(admin, name);
    }
  }

  @AfterEach
  void tearDown() {
    JqwikSession.finish();
  }

  /** Text an attacker would try: edge values, traversal, encodings, any Unicode. */
  private static Arbitrary<String> hostile() {
    return Arbitraries.oneOf(
        Arbitraries.of("", " ", "-1", "0", "1", "-0", "007", "9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "1e400", "NaN", "Infinity", "null", "true", "[]", "{}", "..", "../..",
            "../../../../etc/passwd", "..\\..\\windows", "%2e%2e%2f", "%00", "a\u0000b", "/", "//", "~root",
            "partial", "final;", "final; /api/upload/0", "sha256", "sha256 !!!", "md5 AAAA", "sha1 ", "crc32 x",
            "x".repeat(5000), "\u202e\u0627\ud83d\ude00", "<script>alert(1)</script>", "'; DROP TABLE users; --",
            "${jndi:ldap://127.0.0.1/x}", "#{1+1}", "PT-1S", "P99999999999Y", "2026-13-45T25:61:61Z"),
        Arbitraries.strings().ofMaxLength(40),
        Arbitraries.strings().withChars("0123456789-+.eE ,;=").ofMaxLength(30),
        Arbitraries.strings().ascii().ofMaxLength(60));
  }

  private <T> T one(Arbitrary<T> arbitrary) {
    return arbitrary.generator(100).next(random).value();
  }

  private String anyText() {
    return one(hostile());
  }

  /** As a header value: what HTTP can carry (visible ASCII and spaces). */
  private String headerText() {
    return anyText().chars().map(c -> c >= 0x20 && c < 0x7f ? c : '?')
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
  }

  private String anyJsonValue(int depth) {
    return switch (random.nextInt(depth > 2 ? 6 : 8)) {
      case 0 -> Json.createValue(anyText()).toString();
      case 1 -> Long.toString(random.nextLong());
      case 2 -> random.nextBoolean() ? "1e308" : "-1.5e-300";
      case 3 -> "null";
      case 4 -> Boolean.toString(random.nextBoolean());
      case 5 -> "\"" + headerText().replace("\\", "").replace("\"", "") + "\"";
      case 6 -> "[" + anyJsonValue(depth + 1) + "," + anyJsonValue(depth + 1) + "]";
      default -> "{\"" + headerText().replace("\\", "").replace("\"", "") + "\":" + anyJsonValue(depth + 1) + "}";
    };
  }

  /** A valid body with one field set to anything, dropped, or an extra one; or broken JSON text. */
  private String mutate(Map<String, String> valid) {
    Map<String, String> fields = new LinkedHashMap<>(valid);
    List<String> keys = new ArrayList<>(fields.keySet());
    String key = keys.get(random.nextInt(keys.size()));
    switch (random.nextInt(5)) {
      case 0 -> fields.put(key, anyJsonValue(0));
      case 1 -> fields.remove(key);
      case 2 -> fields.put(headerText().replace("\\", "").replace("\"", ""), anyJsonValue(0));
      case 3 -> {
        String text = render(fields);
        return text.substring(0, random.nextInt(text.length()));
      }
      default -> {
        return anyText();
      }
    }
    return render(fields);
  }

  private static String render(Map<String, String> fields) {
    return fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
        .collect(Collectors.joining(",", "{", "}"));
  }

  @Test
  void tusHeadersNeverBreakTheServer() {
    String existing = Tus.create(api, token, 100, Tus.metadata("pool", pool, "filename", "fuzz.bin"));
    for (int i = 0; i < CASES; i++) {
      HttpRequest.Builder create = api.request("api/upload/", token).header("Tus-Resumable", "1.0.0");
      maybe(create, "Upload-Length");
      maybe(create, "Upload-Defer-Length");
      maybe(create, "Upload-Concat");
      maybe(create, "Upload-Checksum");
      create.header("Upload-Metadata", random.nextBoolean() ? headerText()
          : Tus.metadata("pool", random.nextBoolean() ? pool : anyText(), headerText(), anyText(),
              "filename", anyText(), "timestamp", anyText()));
      HttpRequest created = create.POST(BodyPublishers.ofString(anyText())).build();
      check("tus create " + created.headers().map(), () -> api.send(HttpRequest.newBuilder(created, (n, v) -> true)));

      HttpRequest.Builder patch = api.request(existing, token).header("Tus-Resumable", "1.0.0")
          .header("Content-Type", random.nextInt(4) == 0 ? headerText() : "application/offset+octet-stream")
          .header("Upload-Offset", random.nextInt(3) == 0 ? "0" : headerText());
      maybe(patch, "Upload-Checksum");
      maybe(patch, "Upload-Length");
      HttpRequest patched = patch.method(random.nextBoolean() ? "PATCH" : "POST", BodyPublishers.ofString(anyText()))
          .header("X-HTTP-Method-Override", random.nextInt(3) == 0 ? headerText() : "PATCH").build();
      check("tus patch " + patched.headers().map(), () -> api.send(HttpRequest.newBuilder(patched, (n, v) -> true)));
    }
    assertThat(api.get("health/ready", null).status()).isEqualTo(200);
  }

  private void maybe(HttpRequest.Builder request, String header) {
    if (random.nextBoolean()) {
      request.header(header, headerText());
    }
  }

  @Test
  void jsonBodiesNeverBreakTheServer() {
    // Throwaway accounts: a fuzzed sign-in must not lock out, nor a fuzzed PATCH disable, the admin
    // the other test classes sign in as.
    String target = Api.uniqueName("fz-target");
    api.signUp(target, "fuzz-password-3");
    Map<String, Map<String, String>> bodies = new LinkedHashMap<>();
    bodies.put("POST api/auth/signup", Map.of("username", "\"fz\"", "password", "\"fuzz-password-2\""));
    bodies.put("POST api/auth/token", Map.of("username", "\"" + target + "\"", "password", "\"nope-nope-nope\""));
    bodies.put("POST api/pools", Map.of("name", "\"fz\"", "groupingWindow", "\"PT1M\"", "lateness", "\"PT1M\"",
        "latePolicy", "\"next\""));
    bodies.put("PUT api/pools/" + pool + "/processor", Map.of("url", "\"http://127.0.0.1:9/p\"",
        "secret", "\"a-long-shared-secret-x\"", "trigger", "\"manual\""));
    bodies.put("POST api/pools/" + pool + "/members", Map.of("username", "\"nobody-here\""));
    bodies.put("POST api/imports", Map.of("url", "\"http://127.0.0.1:9/x\"", "pool", "\"" + pool + "\"",
        "unarchive", "false"));
    bodies.put("POST api/carts/fuzz-cart", Map.of("fileids", "[{\"id\":\"x\",\"path\":\"a/b\",\"hashtype\":\"\",\"hashsum\":\"\"}]"));
    bodies.put("POST api/faas/invokeFunction", Map.of("funcName", "\"no-such-fn\"", "params", "{}"));
    bodies.put("POST api/faas/registerRuntime", Map.of("image", "\"fz\"", "path", "\"/ws\"", "run", "\"true\""));
    bodies.put("PATCH api/admin/users/" + target, Map.of("enabled", "true", "role", "\"user\""));
    for (int i = 0; i < CASES; i++) {
      for (Map.Entry<String, Map<String, String>> route : bodies.entrySet()) {
        String[] methodPath = route.getKey().split(" ", 2);
        String body = mutate(route.getValue());
        String who = route.getKey().contains("admin") || route.getKey().contains("pools") || route.getKey().contains("Runtime")
            ? admin : token;
        check(route.getKey() + " " + body, () -> api.send(methodPath[0], methodPath[1],
            random.nextInt(5) == 0 ? headerText() : "application/json", BodyPublishers.ofString(body), who));
      }
    }
  }

  @Test
  void pathsAndQueriesNeverBreakTheServerNorReachOutsideTheVolume() throws IOException {
    Set<String> before = outsideData();
    List<Function<String, String>> routes = List.of(
        s -> "api/file/" + s,
        s -> "api/carts/" + s,
        s -> "api/carts/fuzz-cart?filename=" + s,
        s -> "api/pools/" + s + "/files",
        s -> "api/pools/" + pool + "/files?from=" + s + "&to=" + s + "&page=" + s + "&size=" + s,
        s -> "api/pools/" + pool + "/groups/" + s + "/files/" + s + "?token=" + s,
        s -> "api/registry/keys/" + s,
        s -> "api/imports/" + s + "/files",
        s -> "api/faas/calls/" + s + "/wait?timeout=" + s,
        s -> "api/client/history/" + s + "?page=" + s,
        s -> "api/upload/" + s,
        s -> "console/" + s,
        s -> "portal/" + s);
    for (int i = 0; i < CASES; i++) {
      String raw = anyText();
      // Either as sent by a client that escapes nothing it may leave (so %2e%2e stays an escape),
      // or fully encoded.
      String encoded = random.nextInt(3) == 0
          ? raw.replaceAll("[^A-Za-z0-9._~%-]", "").replaceAll("%(?![0-9A-Fa-f]{2})", "%25")
          : URLEncoder.encode(raw, StandardCharsets.UTF_8);
      for (Function<String, String> route : routes) {
        String path = route.apply(encoded);
        String caller = random.nextInt(4) == 0 ? admin : token;
        check("GET " + path, () -> api.get(path, caller));
      }
    }
    assertThat(outsideData()).as("files outside the data directory").isEqualTo(before);
  }

  @Test
  void hostileFunctionArchivesAreRefusedCleanlyAndWriteNothingOutsideTheVolume() throws IOException {
    Set<String> before = outsideData();
    assertThat(api.post("api/faas/registerRuntime",
        "{\"image\":\"fuzz-runtime\",\"path\":\"/ws\",\"dependencies\":\"true\",\"run\":\"cat\"}", admin).status())
        .isIn(200, 201);
    Faas faas = new Faas(api);
    for (int i = 0; i < CASES / 3; i++) {
      Map<String, String> entries = new LinkedHashMap<>();
      for (int e = random.nextInt(4); e >= 0; e--) {
        String name = random.nextBoolean() ? anyText()
            : one(Arbitraries.of("../escape.txt", "../../escape.txt", "/abs/escape.txt", "a/../../escape.txt",
                "./ok.txt", "dir/", "", "a\\..\\..\\escape.txt"));
        entries.put(name, anyText());
      }
      byte[] archive;
      try {
        archive = switch (random.nextInt(3)) {
          case 0 -> Faas.tarGz(entries);
          case 1 -> Faas.zip(entries);
          default -> anyText().getBytes(StandardCharsets.UTF_8);
        };
      } catch (RuntimeException unwritable) {
        continue; // a name Commons Compress itself will not write
      }
      String fileName = one(Arbitraries.of("f.tar.gz", "f.zip", "f.tgz", "f", "f.tar.gz.zip"));
      final Reply r = faas.registerFunction("api/faas/registerFunction/fuzz-runtime/" + Api.uniqueName("fz"), fileName,
          archive, token);
      check("register " + entries.keySet(), () -> r);
    }
    assertThat(outsideData()).as("files outside the data directory").isEqualTo(before);
    try (Stream<Path> files = Files.walk(DropcartDeployment.work())) {
      assertThat(files.filter(p -> p.getFileName().toString().startsWith("escape")).toList())
          .as("entries that climbed out of their function's directory").isEmpty();
    }
  }

  @Test
  void socketGarbageNeverBreaksTheGateway() {
    try (SocketClient ws = SocketClient.connect(api.base(), token)) {
      ws.awaitType("connected");
      for (int i = 0; i < CASES; i++) {
        String message = random.nextBoolean() ? anyText()
            : "{\"type\":" + one(Arbitraries.of("\"start-transfer\"", "\"write-chunk\"", "\"complete-upload\"",
                "\"get-history\"", "\"alive\"", "\"connect\"", "null", "1")) + ",\"" + headerText().replace("\"", "")
                + "\":" + anyJsonValue(0) + ",\"size\":" + anyJsonValue(0) + ",\"pool\":" + anyJsonValue(0) + "}";
        ws.sendRaw(message.isEmpty() ? " " : message);
      }
      ws.send(Json.createObjectBuilder().add("type", "alive").add("ref", 424242).build());
      assertThat(ws.await(m -> "alive-ack".equals(m.getString("type", null)) && m.getInt("ref", 0) == 424242,
          "the keep-alive answered after the garbage")).isNotNull();
    }
  }

  private static void check(String what, java.util.function.Supplier<Reply> request) {
    Reply r;
    try {
      r = request.get();
    } catch (java.io.UncheckedIOException e) {
      throw new AssertionError(what + ": no answer (" + e.getMessage() + ")", e);
    }
    assertThat(r.status()).as("%s answered %d: %.300s", what, r.status(), r.body()).isLessThan(500);
    assertThat(r.body()).as(what).doesNotContain("\tat ").doesNotContain(".java:");
  }

  /** Every file under the test work directory but outside the data directory and the JVMs' temp dir. */
  private static Set<String> outsideData() throws IOException {
    Path work = DropcartDeployment.work();
    Path data = DropcartDeployment.dataDirectory();
    try (Stream<Path> files = Files.walk(work)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> !p.startsWith(data) && !p.startsWith(work.resolve("tmp")) && !p.toString().contains("chromium-profile"))
          .filter(p -> !p.getFileName().toString().endsWith(".log"))
          .map(Path::toString).collect(Collectors.toCollection(TreeSet::new));
    }
  }
}
