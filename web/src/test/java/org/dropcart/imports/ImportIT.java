package org.dropcart.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dropcart.support.ProblemAssert.assertProblem;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.dropcart.support.Api;
import org.dropcart.support.Api.Reply;
import org.dropcart.support.DropcartDeployment;
import org.dropcart.support.Eventually;
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
 * Imports against a real HTTP server started by the test: every archive format (made with Commons
 * Compress and with the system's tar), a zip-slip archive, a decompression bomb, a truncated, a
 * stalled, a slow and a cancelled download, a redirect loop, the cache, file URLs under the
 * configured root, and the bad input of the API.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ImportIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return DropcartDeployment.war();
  }

  @ArquillianResource private URL base;

  private static final String PASSWORD = "import-password-1";
  private static final Instant T1 = Instant.parse("2026-10-01T08:00:00Z");
  private static final Instant T2 = Instant.parse("2026-10-01T08:09:00Z");
  /** dropcart.imports.cache-ttl of the test server (arquillian.xml). */
  private static final Duration CACHE_TTL = Duration.ofSeconds(10);

  private HttpServer server;
  private final Map<String, byte[]> served = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  /** What /tagged/ received: every request, then those with If-None-Match, then those answered 304. */
  private final List<String> taggedLog = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.createContext("/files/", exchange -> {
      String name = exchange.getRequestURI().getPath().substring("/files/".length());
      hits.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
      byte[] body = served.get(name);
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
      } else {
        exchange.getResponseHeaders().add("ETag", "\"" + body.length + "\"");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    // A server that honours If-None-Match with a strong ETag of the content.
    server.createContext("/tagged/", exchange -> {
      String name = exchange.getRequestURI().getPath().substring("/tagged/".length());
      byte[] body = served.get(name);
      String etag = "\"" + java.util.HexFormat.of().formatHex(sha256(body)) + "\"";
      String asked = exchange.getRequestHeaders().getFirst("If-None-Match");
      exchange.getResponseHeaders().add("ETag", etag);
      exchange.getResponseHeaders().add("Last-Modified", "Thu, 01 Oct 2026 08:00:00 GMT");
      if (etag.equals(asked)) {
        taggedLog.add("304");
        exchange.sendResponseHeaders(304, -1);
      } else {
        taggedLog.add(asked == null ? "200" : "200 after If-None-Match");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    server.createContext("/loop/a", exchange -> redirect(exchange, "/loop/b"));
    server.createContext("/loop/b", exchange -> redirect(exchange, "/loop/a"));
    server.createContext("/truncated", exchange -> {
      exchange.sendResponseHeaders(200, 10_000);
      exchange.getResponseBody().write(new byte[5_000]);
      exchange.getResponseBody().flush();
      exchange.close();
    });
    server.createContext("/stalled", exchange -> {
      exchange.sendResponseHeaders(200, 5_000);
      exchange.getResponseBody().write(new byte[1_000]);
      exchange.getResponseBody().flush();
      sleep(10_000);
      exchange.close();
    });
    server.createContext("/slow/", exchange -> {
      int mb = 3;
      exchange.sendResponseHeaders(200, mb * 1024L * 1024);
      byte[] chunk = new byte[256 * 1024];
      java.util.Arrays.fill(chunk, (byte) 'x');
      try (OutputStream out = exchange.getResponseBody()) {
        for (int i = 0; i < mb * 4; i++) {
          out.write(chunk);
          out.flush();
          sleep(250);
        }
      } catch (java.io.IOException gone) {
        // the import was cancelled: Dropcart hung up
      }
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private static byte[] sha256(byte[] body) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(body);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void redirect(HttpExchange exchange, String to) throws java.io.IOException {
    exchange.getResponseHeaders().add("Location", to);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private static Reply start(Api api, String token, String url, String pool, boolean unarchive, String timestamp) {
    return api.post("api/imports", "{\"url\":\"" + url + "\",\"pool\":\"" + pool + "\",\"unarchive\":" + unarchive
        + (timestamp == null ? "" : ",\"timestamp\":\"" + timestamp + "\"") + "}", token);
  }

  private static JsonObject awaitEnd(Api api, String token, String id) {
    return Eventually.await("import " + id + " to end", Duration.ofSeconds(60),
        () -> api.get("api/imports/" + id, token).json(),
        i -> List.of("done", "failed", "cancelled").contains(i.getString("status")));
  }

  private static JsonObject imported(Api api, String token, String url, String pool, boolean unarchive, String ts) {
    Reply started = start(api, token, url, pool, unarchive, ts);
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    assertThat(started.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(started.json().getString("id")));
    return awaitEnd(api, token, started.json().getString("id"));
  }

  /** The stored files of an import: path in the archive → the file's listing. */
  private static Map<String, JsonObject> files(Api api, String token, JsonObject imp) {
    return api.get("api/imports/" + imp.getString("id") + "/files?size=500", token).json().getJsonArray("items")
        .stream().map(v -> v.asJsonObject())
        .collect(Collectors.toMap(f -> f.getJsonObject("metaData").getString("path"), f -> f));
  }

  private static byte[] tar(Map<String, Instant> entries) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
      for (var e : entries.entrySet()) {
        byte[] body = content(e.getKey());
        TarArchiveEntry t = new TarArchiveEntry(e.getKey(), true);
        t.setSize(body.length);
        t.setModTime(java.util.Date.from(e.getValue()));
        out.putArchiveEntry(t);
        out.write(body);
        out.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static byte[] content(String name) {
    return ("t,v\n" + (name + ",1\n").repeat(50)).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] compress(byte[] plain, boolean gzip) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = gzip ? new GzipCompressorOutputStream(bytes) : new BZip2CompressorOutputStream(bytes)) {
      out.write(plain);
    }
    return bytes.toByteArray();
  }

  private void assertStored(Api api, String token, JsonObject imp, Map<String, Instant> expected) {
    assertThat(imp.getString("status")).as(imp.toString()).isEqualTo("done");
    Map<String, JsonObject> got = files(api, token, imp);
    assertThat(got.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    for (var e : expected.entrySet()) {
      JsonObject f = got.get(e.getKey());
      assertThat(f.getString("activity")).isEqualTo("STORED");
      assertThat(Instant.parse(f.getString("timestamp"))).isEqualTo(e.getValue());
      assertThat(api.getBytes("api/file/" + f.getString("fileName"), token).body()).isEqualTo(content(e.getKey()));
    }
  }

  @Test
  void everyArchiveFormatBecomesFilesOfThePoolWithTheEntriesMtimes() throws Exception {
    Api api = new Api(base);
    String admin = api.adminToken();
    String name = Api.uniqueName("importer");
    String token = api.signUp(name, PASSWORD);
    String pool = api.poolWith(admin, name);
    Map<String, Instant> entries = Map.of("data/a.csv", T1, "data/b.csv", T2, "c.csv", T2);
    byte[] tar = tar(entries);
    served.put("x.tar", tar);
    served.put("x.tar.gz", compress(tar, true));
    served.put("x.tbz2", compress(tar, false));
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(zipped)) {
      for (var e : entries.entrySet()) {
        ZipArchiveEntry z = new ZipArchiveEntry(e.getKey());
        z.setTime(e.getValue().toEpochMilli());
        zip.putArchiveEntry(z);
        zip.write(content(e.getKey()));
        zip.closeArchiveEntry();
      }
    }
    served.put("x.zip", zipped.toByteArray());
    for (String file : List.of("x.tar", "x.tar.gz", "x.tbz2", "x.zip")) {
      assertStored(api, token, imported(api, token, url("/files/" + file), pool, true, null), entries);
    }

    // The system's tar and gzip, as an operator would make the archive.
    Path work = Files.createTempDirectory("import-src");
    for (var e : entries.entrySet()) {
      Path f = work.resolve(e.getKey());
      Files.createDirectories(f.getParent());
      Files.write(f, content(e.getKey()));
      Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.from(e.getValue()));
    }
    Process tarred = new ProcessBuilder("tar", "-czf", work.resolve("sys.tgz").toString(), "-C", work.toString(),
        "data", "c.csv").inheritIO().start();
    assertThat(tarred.waitFor()).isZero();
    served.put("sys.tgz", Files.readAllBytes(work.resolve("sys.tgz")));
    assertStored(api, token, imported(api, token, url("/files/sys.tgz"), pool, true, null), entries);

    // One compressed file; a file kept as it is; a timestamp given for all.
    served.put("report.csv.gz", compress(content("report.csv"), true));
    JsonObject gz = imported(api, token, url("/files/report.csv.gz"), pool, true, "2026-10-02T00:00:00Z");
    assertStored(api, token, gz, Map.of("report.csv", Instant.parse("2026-10-02T00:00:00Z")));
    JsonObject kept = imported(api, token, url("/files/x.zip"), pool, false, "2026-10-03T00:00:00Z");
    assertThat(kept.getString("status")).isEqualTo("done");
    JsonObject whole = files(api, token, kept).get("x.zip");
    assertThat(whole.getJsonNumber("size").longValue()).isEqualTo(zipped.size());

    // The stored files are the pool's, grouped like uploads.
    String pooled = api.get("api/pools/" + pool + "/files?size=500", token).body();
    assertThat(pooled).contains(files(api, token, gz).get("report.csv").getString("fileName"));
  }

  @Test
  void badArchivesAndBadDownloadsFailWithTheReasonAndKeepNothing() throws Exception {
    Api api = new Api(base);
    String admin = api.adminToken();
    String name = Api.uniqueName("careful");
    String token = api.signUp(name, PASSWORD);
    String pool = api.poolWith(admin, name);

    ByteArrayOutputStream slip = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(slip)) {
      zip.putArchiveEntry(new ZipArchiveEntry("fine.csv"));
      zip.write(content("fine.csv"));
      zip.closeArchiveEntry();
      zip.putArchiveEntry(new ZipArchiveEntry("../../../../tmp/evil.sh"));
      zip.write("rm -rf /".getBytes(StandardCharsets.UTF_8));
      zip.closeArchiveEntry();
    }
    served.put("slip.zip", slip.toByteArray());
    JsonObject slipped = imported(api, token, url("/files/slip.zip"), pool, true, null);
    assertThat(slipped.getString("status")).isEqualTo("failed");
    assertThat(slipped.getString("reason")).contains("zip-slip");
    assertThat(slipped.getInt("filesStored")).isZero();

    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (OutputStream gz = new GzipCompressorOutputStream(bomb)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        gz.write(zeros);
      }
    }
    served.put("bomb.tar.gz", bomb.toByteArray());
    JsonObject bombed = imported(api, token, url("/files/bomb.tar.gz"), pool, true, null);
    assertThat(bombed.getString("status")).isEqualTo("failed");
    assertThat(bombed.getString("reason")).contains("bomb");

    JsonObject truncated = imported(api, token, url("/truncated"), pool, false, null);
    assertThat(truncated.getString("status")).isEqualTo("failed");
    assertThat(truncated.getString("reason")).contains("truncated");
    JsonObject stalled = imported(api, token, url("/stalled"), pool, false, null);
    assertThat(stalled.getString("status")).isEqualTo("failed");
    assertThat(stalled.getString("reason")).containsAnyOf("stalled", "truncated");
    JsonObject loop = imported(api, token, url("/loop/a"), pool, false, null);
    assertThat(loop.getString("status")).isEqualTo("failed");
    assertThat(loop.getString("reason")).contains("loop");
    JsonObject missing = imported(api, token, url("/files/none.tar"), pool, true, null);
    assertThat(missing.getString("reason")).contains("HTTP 404");
    JsonObject unreachable = imported(api, token, "http://127.0.0.1:1/x.tar", pool, true, null);
    assertThat(unreachable.getString("reason")).contains("could not be reached");

    // Nothing of any of them reached the pool.
    assertThat(api.get("api/pools/" + pool + "/files", token).json().getInt("total")).isZero();
  }

  /**
   * The cache after its time (dropcart.imports.cache-ttl, PT10S on the test server): the copy is
   * revalidated with If-None-Match, a 304 keeps it (and restarts its time), and a file changed at
   * the source is downloaded again and replaces it.
   */
  @Test
  void afterTheCacheTimeTheCopyIsRevalidatedAndOnlyAChangedFileIsDownloadedAgain() throws Exception {
    Api api = new Api(base);
    String admin = api.adminToken();
    String name = Api.uniqueName("revalidator");
    String token = api.signUp(name, PASSWORD);
    String pool = api.poolWith(admin, name);
    String file = Api.uniqueName("tagged") + ".tar";
    served.put(file, tar(Map.of("r.csv", T1)));

    JsonObject first = imported(api, token, url("/tagged/" + file), pool, true, null);
    assertThat(first.getBoolean("fromCache")).isFalse();
    JsonObject within = imported(api, token, url("/tagged/" + file), pool, true, null);
    assertThat(within.getBoolean("fromCache")).isTrue();
    assertThat(taggedLog).containsExactly("200");

    Thread.sleep(CACHE_TTL.plusMillis(500).toMillis());
    JsonObject revalidated = imported(api, token, url("/tagged/" + file), pool, true, null);
    assertThat(revalidated.getBoolean("fromCache")).isTrue();
    assertThat(taggedLog).containsExactly("200", "304");
    assertStored(api, token, revalidated, Map.of("r.csv", T1));

    served.put(file, tar(Map.of("r.csv", T2, "s.csv", T2)));
    JsonObject stillFresh = imported(api, token, url("/tagged/" + file), pool, true, null);
    assertThat(stillFresh.getBoolean("fromCache")).as("the 304 restarted the copy's time").isTrue();
    assertStored(api, token, stillFresh, Map.of("r.csv", T1));
    Thread.sleep(CACHE_TTL.plusMillis(500).toMillis());
    JsonObject changed = imported(api, token, url("/tagged/" + file), pool, true, null);
    assertThat(changed.getBoolean("fromCache")).isFalse();
    assertThat(taggedLog).containsExactly("200", "304", "200 after If-None-Match");
    assertStored(api, token, changed, Map.of("r.csv", T2, "s.csv", T2));
    JsonObject afterChange = imported(api, token, url("/tagged/" + file), pool, true, null);
    assertThat(afterChange.getBoolean("fromCache")).isTrue();
    assertStored(api, token, afterChange, Map.of("r.csv", T2, "s.csv", T2));
    assertThat(taggedLog).hasSize(3);
  }

  @Test
  void progressCacheCancelAndFileUrls() throws Exception {
    Api api = new Api(base);
    String admin = api.adminToken();
    String name = Api.uniqueName("watcher");
    String token = api.signUp(name, PASSWORD);
    String pool = api.poolWith(admin, name);

    // A slow download shows its progress, and ends done.
    Reply slow = start(api, token, url("/slow/one.bin"), pool, false, null);
    String slowId = slow.json().getString("id");
    JsonObject moving = Eventually.await("bytes arriving", Duration.ofSeconds(30),
        () -> api.get("api/imports/" + slowId, token).json(),
        i -> i.getString("status").equals("downloading") && i.getJsonNumber("bytes").longValue() > 0);
    assertThat(moving.getJsonNumber("totalBytes").longValue()).isEqualTo(3L * 1024 * 1024);
    assertThat(awaitEnd(api, token, slowId).getString("status")).isEqualTo("done");

    // Cancelled while downloading: nothing stored, and it stays cancelled.
    String cancelId = start(api, token, url("/slow/two.bin"), pool, false, null).json().getString("id");
    Eventually.await("the second download going", Duration.ofSeconds(30),
        () -> api.get("api/imports/" + cancelId, token).json(), i -> i.getString("status").equals("downloading"));
    Reply cancelled = api.delete("api/imports/" + cancelId, token);
    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    assertThat(cancelled.json().getString("status")).isEqualTo("cancelled");
    Thread.sleep(1500);
    JsonObject after = api.get("api/imports/" + cancelId, token).json();
    assertThat(after.getString("status")).isEqualTo("cancelled");
    assertThat(after.getInt("filesStored")).isZero();
    assertProblem(api.delete("api/imports/" + cancelId, token), 409, "import-finished");
    assertProblem(api.delete("api/imports/" + slowId, token), 409, "import-finished");

    // The same URL again within the cache's time: not downloaded again.
    served.put("cached.tar", tar(Map.of("k.csv", T1)));
    assertThat(imported(api, token, url("/files/cached.tar"), pool, true, null).getBoolean("fromCache")).isFalse();
    JsonObject again = imported(api, token, url("/files/cached.tar"), pool, true, null);
    assertThat(again.getString("status")).isEqualTo("done");
    assertThat(again.getBoolean("fromCache")).isTrue();
    assertThat(hits.get("cached.tar").get()).isEqualTo(1);

    // file: URLs under the configured root only.
    Path root = Files.createDirectories(DropcartDeployment.work().resolve("import-root"));
    Path local = Files.write(root.resolve("local-" + Api.uniqueName("f") + ".tar"), tar(Map.of("l.csv", T2)));
    assertStored(api, token, imported(api, token, local.toUri().toString(), pool, true, null), Map.of("l.csv", T2));
    Path outside = Files.write(DropcartDeployment.work().resolve("outside.tar"), tar(Map.of("o.csv", T2)));
    assertProblem(start(api, token, outside.toUri().toString(), pool, true, null), 403, "file-root-refused");
    assertProblem(start(api, token, root.resolve("../outside.tar").toUri().toString(), pool, true, null), 403,
        "file-root-refused");

    // Bad input, each with its problem.
    assertProblem(start(api, token, "ftp://example.org/x.tar", pool, true, null), 400, "invalid-input");
    assertProblem(start(api, token, "http://exa mple.org/x", pool, true, null), 400, "invalid-input");
    assertProblem(start(api, token, "s3:///no-bucket", pool, true, null), 400, "invalid-input");
    assertProblem(api.post("api/imports", "{\"url\":\"" + url("/files/x") + "\"}", token), 400, "invalid-input");
    assertProblem(api.post("api/imports", "not json", token), 400, "malformed-json");
    String foreign = api.poolWith(admin);
    assertProblem(start(api, token, url("/files/cached.tar"), foreign, true, null), 403, "not-a-member");
    assertProblem(api.get("api/imports/nope", token), 404, "unknown-import");
    String other = api.signUp(Api.uniqueName("other"), PASSWORD);
    assertProblem(api.get("api/imports/" + slowId, other), 404, "unknown-import");
    assertProblem(api.get("api/imports", null), 401, "unauthenticated");
    assertThat(api.get("api/imports", token).json().getInt("total")).isGreaterThanOrEqualTo(5);
  }

  @Test
  void aGitRepositoryAtATagBecomesFilesStampedWithItsCommitTime() throws Exception {
    Api api = new Api(base);
    String admin = api.adminToken();
    String name = Api.uniqueName("gitter");
    String token = api.signUp(name, PASSWORD);
    String pool = api.poolWith(admin, name);
    Path root = Files.createDirectories(DropcartDeployment.work().resolve("import-root"));
    Path work = Files.createTempDirectory("git-src");
    git(work, "init", "-q", "-b", "main");
    Files.createDirectories(work.resolve("data"));
    Files.write(work.resolve("data/a.csv"), content("data/a.csv"));
    Files.write(work.resolve("c.csv"), content("c.csv"));
    git(work, "add", "-A");
    git(work, "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", "commit", "-q",
        "--date=2026-09-30T12:00:00Z", "-m", "data");
    git(work, "tag", "v1");
    Files.write(work.resolve("c.csv"), "changed later".getBytes(StandardCharsets.UTF_8));
    git(work, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-am", "later");
    Path bare = root.resolve(Api.uniqueName("repo") + ".git");
    git(root, "clone", "-q", "--bare", work.toString(), bare.toString());
    Instant committed = Instant.ofEpochSecond(Long.parseLong(gitOut(bare, "log", "-1", "--format=%ct", "v1").trim()));

    JsonObject imp = imported(api, token, "git+" + bare.toUri() + "#v1", pool, false, null);
    assertStored(api, token, imp, Map.of("data/a.csv", committed, "c.csv", committed));
    assertThat(imported(api, token, "git+" + bare.toUri() + "#no-such-tag", pool, false, null).getString("reason"))
        .contains("no-such-tag");
    assertProblem(start(api, token, "git+" + work.toUri(), pool, false, null), 403, "file-root-refused");
    assertProblem(start(api, token, "git+ssh://git@example.org/x.git", pool, false, null), 400, "invalid-input");
  }

  private static void git(Path in, String... args) throws Exception {
    gitOut(in, args);
  }

  private static String gitOut(Path in, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(command + ": " + out).isZero();
    return out;
  }

  @Test
  void anObjectOfAnS3CompatibleStoreIsFetchedWithSignedRequests() throws Exception {
    Api api = new Api(base);
    String admin = api.adminToken();
    String name = Api.uniqueName("s3user");
    String token = api.signUp(name, PASSWORD);
    String pool = api.poolWith(admin, name);
    Map<String, Instant> entries = Map.of("s3/a.csv", T1, "s3/b.csv", T2);
    byte[] object = compress(tar(entries), true);
    java.util.List<String> authorizations = new java.util.concurrent.CopyOnWriteArrayList<>();
    String key = "runs/" + Api.uniqueName("run") + ".tar.gz"; // new each run: never in the import cache yet
    // A small S3-compatible store (path-style GetObject with ETag / If-None-Match), where the server expects it.
    HttpServer s3 = HttpServer.create(new InetSocketAddress("127.0.0.1", DropcartDeployment.s3Port()), 0);
    s3.createContext("/", exchange -> {
      authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      String path = exchange.getRequestURI().getPath();
      if (!path.equals("/lab-data/" + key)) {
        byte[] error = "<?xml version=\"1.0\"?><Error><Code>NoSuchKey</Code><Message>no such key</Message></Error>"
            .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(404, error.length);
        exchange.getResponseBody().write(error);
      } else {
        exchange.getResponseHeaders().add("ETag", "\"run-7\"");
        exchange.getResponseHeaders().add("Last-Modified", "Thu, 01 Oct 2026 08:00:00 GMT");
        exchange.getResponseHeaders().add("Content-Type", "application/gzip");
        exchange.sendResponseHeaders(200, object.length);
        exchange.getResponseBody().write(object);
      }
      exchange.close();
    });
    s3.start();
    try {
      assertStored(api, token, imported(api, token, "s3://lab-data/" + key, pool, true, null), entries);
      assertThat(authorizations).isNotEmpty().allMatch(a -> a.startsWith("AWS4-HMAC-SHA256 Credential="
          + DropcartDeployment.S3_ACCESS_KEY + "/"));
      JsonObject missing = imported(api, token, "s3://lab-data/runs/none.tar.gz", pool, true, null);
      assertThat(missing.getString("status")).isEqualTo("failed");
      assertThat(missing.getString("reason")).contains("404").contains("NoSuchKey");
      assertProblem(start(api, token, "s3://lab-data", pool, true, null), 400, "invalid-input");
    } finally {
      s3.stop(0);
    }
  }
}
