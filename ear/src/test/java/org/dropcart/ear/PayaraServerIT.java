package org.dropcart.ear;

import static org.assertj.core.api.Assertions.assertThat;

import io.tus.java.client.TusClient;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The EAR deployed into a full Payara Server the way an operator does it. The test makes a fresh
 * domain of the Payara Server distribution on ports nobody else uses and starts it. Then it runs
 * {@code src/main/liberty-or-payara/payara-server/deploy.sh}, the script README tells operators to
 * run. A user goes through the smoke scenario: sign up, admission to a pool, a tus upload with the
 * official client, the stored file, its download, a cart of it, and a batch job run. After that the
 * script undeploys the application and deploys it again, and everything is still there: the user
 * logs in again and finds the pool, the file, the cart and the job's run. A new upload shows that
 * the broker and the store pipeline work again. Any failure prints the tail of the server's log.
 */
@ExtendWith(PayaraServerIT.ServerLogOnFailure.class)
class PayaraServerIT {
  private static final String ADMIN_PASSWORD = "admin-password-for-the-server-test";
  private static final String PASSWORD = "a-user-password-for-the-server-test";
  private static final String ISSUER = "dropcart-on-payara-server";

  private static Domain domain;
  private static Path data;
  private static int brokerPort;

  @BeforeAll
  static void startFreshDomain() throws Exception {
    Path work = Path.of(property("dropcart.test.work")).toAbsolutePath().resolve("payara-server");
    deleteRecursively(work);
    data = Files.createDirectories(work.resolve("data"));
    brokerPort = freePort();
    domain = Domain.create(Path.of(property("dropcart.test.payara-home")), work.resolve("domains"));
    domain.start();
  }

  @AfterAll
  static void stopDomain() {
    if (domain != null) {
      domain.stop();
    }
  }

  @Test
  void theOperatorScriptDeploysTheEarAndARedeployKeepsEveryUserPoolFileCartAndJobRun() throws Exception {
    long start = System.nanoTime();
    deployScript("deploy");
    Api api = new Api(URI.create("http://localhost:" + domain.httpPort() + "/"));
    api.awaitReady();
    log("deployed and ready", start);

    // The first admin has the password the script stored as a password alias, and tokens carry the
    // issuer set through DROPCART_PROPERTIES.
    String admin = api.logIn("admin", ADMIN_PASSWORD);
    assertThat(claims(admin).getString("iss")).isEqualTo(ISSUER);
    String username = "alice-" + Long.toString(System.nanoTime(), 36);
    String alice = api.signUp(username, PASSWORD);
    String pool = api.poolWith(admin, username);

    byte[] csv = "t,v\n1,alpha\n".repeat(20_000).getBytes(StandardCharsets.UTF_8);
    String fileName = api.tusUpload(alice, pool, "readings.csv", csv);
    JsonObject stored = api.awaitStored(alice, pool, fileName);
    assertThat(stored.getString("sha256")).isEqualTo(sha256(csv));
    assertThat(api.bytes("api/file/" + fileName, alice)).isEqualTo(csv);

    String cart = UUID.randomUUID().toString();
    api.requestCart(cart, alice, fileName, "in/readings.csv", sha256(csv));
    assertThat(api.awaitCartStatus(cart, alice)).isEqualTo("ready");
    assertThat(tarEntries(api.bytes("api/carts/" + cart + "?filename=smoke.tar", alice)))
        .containsOnlyKeys("smoke/in/readings.csv")
        .containsEntry("smoke/in/readings.csv", csv);

    // A batch job run now; its outcome is asserted at the end, so that a failing job does not hide
    // what the redeploy does to the rest.
    long execution = api.startJob(admin, "token-cleanup");
    String jobStatus = api.awaitJobEnded(admin, "token-cleanup", execution);
    assertThat(data.resolve("db/batch.mv.db")).as("the batch job repository lives in the data directory")
        .exists();
    log("smoke scenario", start);

    deployScript("undeploy");
    assertThat(domain.asadmin("list-applications")).doesNotContain("dropcart");
    assertThat(api.get("api/auth/validate", alice).status()).as("nothing is served under /api any more")
        .isEqualTo(404);
    log("undeployed", start);

    // The second run of the script finds the adapter, its configuration, the pool, the properties
    // and the aliases of the first run, and replaces them.
    deployScript("deploy");
    api.awaitReady();
    log("deployed again and ready", start);

    String again = api.logIn(username, PASSWORD);
    assertThat(api.get("api/pools", again).json().getJsonArray("items").stream()
        .map(p -> p.asJsonObject().getString("id"))).containsExactly(pool);
    assertThat(api.awaitStored(again, pool, fileName).getString("sha256")).isEqualTo(sha256(csv));
    assertThat(api.bytes("api/file/" + fileName, again)).isEqualTo(csv);
    assertThat(api.get("api/carts", again).json().getJsonArray("items").stream()
        .map(c -> c.asJsonObject().getString("uid") + " " + c.asJsonObject().getString("status")))
        .containsExactly(cart + " ready");
    assertThat(tarEntries(api.bytes("api/carts/" + cart + "?filename=smoke.tar", again)))
        .containsOnlyKeys("smoke/in/readings.csv")
        .containsEntry("smoke/in/readings.csv", csv);
    assertThat(api.jobExecutions(api.logIn("admin", ADMIN_PASSWORD), "token-cleanup"))
        .as("the batch job repository kept the run").containsEntry(execution, jobStatus);

    // The redeployed application's broker, adapter and store pipeline work too.
    byte[] more = "t,v\n2,beta\n".repeat(500).getBytes(StandardCharsets.UTF_8);
    String second = api.tusUpload(again, pool, "more.csv", more);
    api.awaitStored(again, pool, second);
    assertThat(api.bytes("api/file/" + second, again)).isEqualTo(more);
    log("data kept across the redeploy", start);

    assertThat(jobStatus).as("token-cleanup run " + execution + " (a FAILED run logs its cause in server.log:"
        + " a batch artifact the server could not load, for instance)").isEqualTo("COMPLETED");
  }

  // ---- the operator's script ------------------------------------------------------------------

  /** Runs deploy.sh against the test domain with the settings an operator would give it. */
  private static void deployScript(String mode) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PAYARA_ASADMIN", domain.asadminExecutable().toString());
    env.put("PAYARA_ADMIN_PORT", Integer.toString(domain.adminPort()));
    env.put("DROPCART_EAR", property("dropcart.test.ear"));
    env.put("DROPCART_RAR", property("dropcart.test.rar"));
    env.put("DROPCART_DATA_DIR", data.toString());
    // A broker port of its own: the default 61616 could be another Dropcart's on this machine.
    env.put("DROPCART_BROKER_PORT", Integer.toString(brokerPort));
    env.put("DROPCART_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("DROPCART_PROPERTIES", "dropcart.jwt.issuer=" + ISSUER);
    String output = Processes.run(List.of("bash", property("dropcart.test.deploy-script"), mode), env,
        domain.directory().resolve("deploy-" + mode + ".out"), Duration.ofMinutes(4));
    System.out.println(output);
  }

  // ---- the Payara Server domain ---------------------------------------------------------------

  /**
   * A domain of its own, made by {@code create-domain} with a port base whose hundred ports are all
   * free: admin on base+48, HTTP on base+80.
   */
  record Domain(Path home, Path domainsDir, String name, int portBase) {
    static Domain create(Path home, Path domainsDir) throws IOException {
      int base = freePortBase();
      Domain d = new Domain(home, domainsDir, "dropcart-it", base);
      Files.createDirectories(domainsDir);
      d.asadmin("create-domain", "--nopassword=true", "--portbase", Integer.toString(base), "--domaindir",
          domainsDir.toString(), "--checkports=true", d.name());
      // Sized as run.sh sizes Payara Micro (-Xmx1g) rather than the template's 512 MiB.
      Path xml = d.directory().resolve("config/domain.xml");
      Files.writeString(xml, Files.readString(xml).replace("<jvm-options>-Xmx512m</jvm-options>",
          "<jvm-options>-Xmx1g</jvm-options>"));
      return d;
    }

    Path directory() {
      return domainsDir.resolve(name);
    }

    Path serverLog() {
      return directory().resolve("logs/server.log");
    }

    int adminPort() {
      return portBase + 48;
    }

    int httpPort() {
      return portBase + 80;
    }

    Path asadminExecutable() {
      return home.resolve("bin/asadmin");
    }

    void start() {
      asadmin("start-domain", "--domaindir", domainsDir.toString(), name);
    }

    /** stop-domain; a server that does not stop within a minute is killed. */
    void stop() {
      Optional<ProcessHandle> server = pid().flatMap(ProcessHandle::of);
      try {
        asadmin("stop-domain", "--domaindir", domainsDir.toString(), name);
      } catch (RuntimeException e) {
        System.out.println("stop-domain failed, killing the server: " + e.getMessage());
      }
      server.filter(ProcessHandle::isAlive).ifPresent(p -> {
        try {
          p.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
          System.out.println("The server (pid " + p.pid() + ") did not stop: killing it");
          p.destroyForcibly();
        }
      });
    }

    private Optional<Long> pid() {
      try {
        return Optional.of(Long.parseLong(Files.readString(directory().resolve("config/pid")).trim()));
      } catch (IOException | NumberFormatException e) {
        return Optional.empty();
      }
    }

    /** A remote asadmin command against this domain, or a local one (create/start/stop-domain). */
    String asadmin(String... args) {
      List<String> command = new ArrayList<>(List.of(asadminExecutable().toString(), "--interactive=false"));
      boolean local = args[0].endsWith("-domain");
      if (!local) {
        command.addAll(List.of("--port", Integer.toString(adminPort())));
      }
      command.addAll(List.of(args));
      return Processes.run(command, Map.of(), domainsDir.resolve(args[0] + ".out"), Duration.ofMinutes(3));
    }
  }

  /** Runs a process with the test JVM's Java as asadmin's (AS_JAVA), its output in a file. */
  static final class Processes {
    static String run(List<String> command, Map<String, String> extraEnv, Path output, Duration timeout) {
      try {
        Files.createDirectories(output.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        // Only what the test says reaches the script and the server: no Dropcart or Payara settings
        // of the machine running the build.
        env.keySet().removeIf(k -> k.startsWith("DROPCART_") || k.startsWith("PAYARA_") || k.startsWith("AS_"));
        env.put("AS_JAVA", System.getProperty("java.home"));
        env.putAll(extraEnv);
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new AssertionError(String.join(" ", command) + " did not finish in " + timeout + ":\n"
              + Files.readString(output));
        }
        String text = Files.readString(output);
        System.out.printf("[%d ms] %s%n", (System.nanoTime() - start) / 1_000_000, String.join(" ", command));
        if (process.exitValue() != 0) {
          throw new AssertionError(String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + text);
        }
        return text;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Prints the end of the server's log when anything fails, before or during the test. */
  static final class ServerLogOnFailure implements TestExecutionExceptionHandler,
      LifecycleMethodExecutionExceptionHandler {
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable t) throws Throwable {
      printServerLog();
      throw t;
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable t) throws Throwable {
      printServerLog();
      throw t;
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable t) throws Throwable {
      printServerLog();
      throw t;
    }

    private static void printServerLog() {
      if (domain == null || !Files.exists(domain.serverLog())) {
        System.out.println("(no server.log)");
        return;
      }
      try {
        List<String> lines = Files.readAllLines(domain.serverLog(), StandardCharsets.UTF_8);
        // The cause may lie further back than the tail: every distinct root cause first.
        System.out.println("---- causes in " + domain.serverLog() + " ----");
        lines.stream().filter(l -> l.startsWith("Caused by:") || l.contains("WELD-000119")).map(String::strip)
            .distinct().forEach(System.out::println);
        System.out.println("---- last 300 lines of " + domain.serverLog() + " ----");
        lines.subList(Math.max(0, lines.size() - 300), lines.size()).forEach(System.out::println);
        System.out.println("---- end of server.log ----");
      } catch (IOException e) {
        System.out.println("server.log unreadable: " + e);
      }
    }
  }

  // ---- Dropcart's HTTP API --------------------------------------------------------------------

  /** The calls of the smoke scenario (README's curl examples), with JDK HttpClient and JSON-P. */
  record Api(URI base, HttpClient http) {
    static final int ONE_REQUEST = 1024 * 1024;

    Api(URI base) {
      this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    record Reply(int status, String body, HttpResponse<String> raw) {
      JsonObject json() {
        return Json.createReader(new StringReader(body)).readObject();
      }

      @Override
      public String toString() {
        return status + " " + body;
      }
    }

    /**
     * Readiness as the server reports it: every check UP, among them the application's own, which
     * turns UP once the web module serves (before that, Payara answers for its own checks only).
     */
    void awaitReady() {
      Reply ready = await("/health/ready with every check UP", Duration.ofSeconds(120), () -> {
        try {
          return get("health/ready", null);
        } catch (UncheckedIOException e) {
          return null;
        }
      }, r -> r != null && r.status() == 200 && r.body().contains("\"application\"")
          && r.json().getString("status").equals("UP"));
      assertThat(ready.json().getJsonArray("checks").stream().map(c -> c.asJsonObject().getString("name")))
          .contains("application", "database", "broker", "mongo", "volume");
    }

    String logIn(String username, String password) {
      Reply r = send(request("api/auth/login/" + username, null).header("Content-Type", "application/json")
          .PUT(BodyPublishers.ofString(Json.createObjectBuilder().add("password", password).build().toString())));
      assertThat(r.status()).as("login of " + username + ": " + r).isEqualTo(200);
      return r.json().getString("access_token");
    }

    String signUp(String username, String password) {
      Reply r = post("api/auth/signup", Json.createObjectBuilder().add("username", username)
          .add("password", password).build().toString(), null);
      assertThat(r.status()).as("sign-up: " + r).isEqualTo(201);
      return r.json().getString("access_token");
    }

    /** A new pool with the user admitted; returns its id. */
    String poolWith(String admin, String username) {
      Reply created = post("api/pools", "{\"name\":\"server-smoke-" + Long.toString(System.nanoTime(), 36) + "\"}",
          admin);
      assertThat(created.status()).as("pool: " + created).isEqualTo(201);
      String pool = created.json().getString("id");
      Reply admitted = post("api/pools/" + pool + "/members", "{\"username\":\"" + username + "\"}", admin);
      assertThat(admitted.status()).as("member: " + admitted).isEqualTo(201);
      return pool;
    }

    /**
     * Uploads with the official tus client, all bytes in one PATCH; returns the stored file's name.
     * (One request per file: the client sends {@code Expect: 100-continue}, which Payara does not
     * answer, so HttpURLConnection waits five seconds before each PATCH body; the CLI avoids this
     * with its own connection, see cli's JdkHttpConnection.)
     */
    String tusUpload(String token, String pool, String filename, byte[] bytes) throws Exception {
      TusClient client = new TusClient();
      client.setUploadCreationURL(base.resolve("api/upload/").toURL());
      client.setHeaders(Map.of("Authorization", "Bearer " + token));
      TusUpload upload = new TusUpload();
      upload.setInputStream(new ByteArrayInputStream(bytes));
      upload.setSize(bytes.length);
      upload.setFingerprint(filename + "-" + System.nanoTime());
      upload.setMetadata(Map.of("filename", filename, "filetype", "text/csv", "pool", pool,
          "timestamp", "2026-11-23T10:00:00Z"));
      TusUploader uploader = client.createUpload(upload);
      // A request larger than the file: one exactly as large would make the client send a second,
      // empty PATCH after the upload is complete, which the server refuses (409 upload-complete).
      assertThat(bytes.length).isLessThan(ONE_REQUEST);
      uploader.setChunkSize(64 * 1024);
      uploader.setRequestPayloadSize(ONE_REQUEST);
      while (uploader.uploadChunk() > -1) {
        // sending
      }
      uploader.finish();
      assertThat(uploader.getOffset()).isEqualTo(bytes.length);
      String location = uploader.getUploadURL().toString();
      return location.substring(location.lastIndexOf('/') + 1);
    }

    /** The file's index entry once the store pipeline has settled it, which must be STORED. */
    JsonObject awaitStored(String token, String pool, String fileName) {
      JsonObject entry = await("file " + fileName + " stored", Duration.ofSeconds(60),
          () -> get("api/pools/" + pool + "/files?size=500", token).json().getJsonArray("items").stream()
              .map(JsonValue::asJsonObject).filter(f -> f.getString("fileName").equals(fileName)).findFirst()
              .orElse(null),
          f -> f != null);
      assertThat(entry.getString("activity")).as(entry.toString()).isEqualTo("STORED");
      return entry;
    }

    void requestCart(String uid, String token, String fileName, String path, String sha256) {
      String body = Json.createObjectBuilder().add("fileids", Json.createArrayBuilder().add(Json.createObjectBuilder()
          .add("id", fileName).add("path", path).add("hashtype", "sha256").add("hashsum", sha256))).build().toString();
      // As curl --upload-file sends it: no JSON media type.
      Reply r = send(request("api/carts/" + uid, token).header("Content-Type", "application/octet-stream")
          .POST(BodyPublishers.ofString(body)));
      assertThat(r.status()).as("cart: " + r).isEqualTo(201);
    }

    /** HEADs the cart until it is ready or in error; returns that status. */
    String awaitCartStatus(String uid, String token) {
      Reply head = await("cart " + uid + " finished", Duration.ofSeconds(60),
          () -> send(request("api/carts/" + uid, token).method("HEAD", BodyPublishers.noBody())),
          r -> List.of("ready", "error").contains(r.raw().headers().firstValue("X-Pacifica-Status").orElse("")));
      return head.raw().headers().firstValue("X-Pacifica-Status").orElseThrow();
    }

    /** Starts a batch job now; returns its execution id. */
    long startJob(String admin, String job) {
      Reply started = post("api/admin/jobs/" + job, null, admin);
      assertThat(started.status()).as("job start: " + started).isEqualTo(202);
      return started.json().getJsonNumber("executionId").longValue();
    }

    /** Waits until the run has ended; returns its batch status (COMPLETED, FAILED, …). */
    String awaitJobEnded(String admin, String job, long id) {
      return await(job + " run " + id + " ended", Duration.ofSeconds(60), () -> jobExecutions(admin, job).get(id),
          s -> s != null && !List.of("STARTING", "STARTED", "STOPPING").contains(s));
    }

    /** The job's latest executions: id → batch status. */
    Map<Long, String> jobExecutions(String admin, String job) {
      Reply r = get("api/admin/jobs/" + job, admin);
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      Map<Long, String> executions = new LinkedHashMap<>();
      r.json().getJsonArray("executions").forEach(e -> executions.put(
          e.asJsonObject().getJsonNumber("executionId").longValue(), e.asJsonObject().getString("batchStatus")));
      return executions;
    }

    byte[] bytes(String path, String token) throws Exception {
      HttpResponse<byte[]> r = http.send(request(path, token).GET().build(), BodyHandlers.ofByteArray());
      assertThat(r.statusCode()).as("GET " + path).isEqualTo(200);
      return r.body();
    }

    Reply get(String path, String token) {
      return send(request(path, token).GET());
    }

    Reply post(String path, String json, String token) {
      return send(request(path, token).header("Content-Type", "application/json")
          .POST(json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json)));
    }

    Reply send(HttpRequest.Builder request) {
      try {
        HttpResponse<String> r = http.send(request.build(), BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body(), r);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    HttpRequest.Builder request(String path, String token) {
      HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
      if (token != null) {
        b.header("Authorization", "Bearer " + token);
      }
      return b;
    }
  }

  // ---- small helpers --------------------------------------------------------------------------

  /** Polls until the value satisfies the condition; fails with the last value after the timeout. */
  static <T> T await(String what, Duration timeout, Supplier<T> value, Predicate<T> done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = null;
    while (System.nanoTime() < deadline) {
      last = value.get();
      if (done.test(last)) {
        return last;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError(what + ": not within " + timeout + "; last: " + last);
  }

  /** The regular entries of a tar, name → content. */
  static Map<String, byte[]> tarEntries(byte[] tar) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (org.apache.commons.compress.archivers.tar.TarArchiveInputStream in =
        new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.isFile()) {
          entries.put(e.getName(), in.readAllBytes());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("not a tar", e);
    }
    return entries;
  }

  private static JsonObject claims(String jwt) {
    String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    return Json.createReader(new StringReader(payload)).readObject();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /**
   * A port base for create-domain whose ports base..base+99 are all free. The bases lie between
   * 30000 and 32699, below Linux's ephemeral range (32768 and up), so no outgoing connection takes
   * one of the ports between this check and the server's start.
   */
  static int freePortBase() {
    int candidates = 27;
    int first = (int) (ProcessHandle.current().pid() % candidates);
    for (int i = 0; i < candidates; i++) {
      int base = 30000 + ((first + i) % candidates) * 100;
      if (java.util.stream.IntStream.range(base, base + 100).allMatch(PayaraServerIT::isFree)) {
        return base;
      }
    }
    throw new IllegalStateException("no free range of 100 ports between 30000 and 32699");
  }

  private static boolean isFree(int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(false);
      s.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void log(String what, long start) {
    System.out.printf("[%d s] %s%n", (System.nanoTime() - start) / 1_000_000_000, what);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException("System property " + name + " is not set (run through Maven failsafe)");
    }
    return value;
  }
}
