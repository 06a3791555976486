package org.dropcart.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dropcart.support.ProblemAssert.assertProblem;
import static org.dropcart.support.Tus.awaitSettled;
import static org.dropcart.support.Tus.b64;
import static org.dropcart.support.Tus.create;
import static org.dropcart.support.Tus.createReply;
import static org.dropcart.support.Tus.digest;
import static org.dropcart.support.Tus.head;
import static org.dropcart.support.Tus.headOffset;
import static org.dropcart.support.Tus.idOf;
import static org.dropcart.support.Tus.patch;
import static org.dropcart.support.Tus.sha256;

import io.tus.java.client.TusClient;
import io.tus.java.client.TusURLMemoryStore;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.dropcart.support.Api;
import org.dropcart.support.Api.Reply;
import org.dropcart.support.DropcartDeployment;
import org.dropcart.support.Eventually;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resumable uploads through the official tus Java client and raw HTTP: a 30 MB file interrupted
 * twice (once by the client stopping, once by a connection cut mid-body) and resumed to a
 * byte-identical file; checksums, termination, expiry, and every refusal. The servers run with
 * {@code dropcart.upload.expiration=PT6S} and {@code max-size=40MiB} (arquillian.xml).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TusUploadIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return DropcartDeployment.war();
  }

  @ArquillianResource private URL base;
  @TempDir static Path files;

  private static final String PASSWORD = "upload-password-1";
  private static String member;
  private static String outsider;
  private static String pool;
  private static boolean prepared;

  private Api api() {
    return new Api(base);
  }

  @BeforeAll
  static void reset() {
    prepared = false;
  }

  private void prepare() {
    if (prepared) {
      return;
    }
    Api api = api();
    String admin = api.adminToken();
    String memberName = Api.uniqueName("uploader");
    member = api.signUp(memberName, PASSWORD);
    outsider = api.signUp(Api.uniqueName("outsider"), PASSWORD);
    pool = api.poolWith(admin, memberName);
    prepared = true;
  }

  @Test
  void aThirtyMegabyteUploadInterruptedTwiceResumesToAnIdenticalFile() throws Exception {
    prepare();
    Path source = randomFile("thirty.bin", 30 * 1024 * 1024);
    TusClient client = tusClient(member);
    TusUpload upload = new TusUpload(source.toFile());
    upload.setMetadata(Map.of("filename", "thirty.bin", "filetype", "application/octet-stream",
        "pool", pool, "timestamp", "2026-11-23T10:00:00Z"));

    // First interruption: the client stops after about 8 MB.
    TusUploader first = client.resumeOrCreateUpload(upload);
    first.setChunkSize(1024 * 1024);
    first.setRequestPayloadSize(4 * 1024 * 1024);
    while (first.getOffset() < 8 * 1024 * 1024 && first.uploadChunk() > -1) {
      // keep sending
    }
    first.finish(false);
    URL location = first.getUploadURL();
    long afterFirst = offsetAt(location, member);
    assertThat(afterFirst).isEqualTo(first.getOffset()).isGreaterThanOrEqualTo(8 * 1024 * 1024);

    // Second interruption: a PATCH announcing 10 MB whose connection is cut after 3 MB.
    cutPatch(location, member, afterFirst, source, 10 * 1024 * 1024, 3 * 1024 * 1024);
    long afterCut = awaitOffsetAbove(location, member, afterFirst);
    assertThat(afterCut).as("the bytes that arrived before the cut are kept").isGreaterThan(afterFirst);

    // Resume with a fresh client that only knows the URL, to the end.
    TusUpload again = new TusUpload(source.toFile());
    again.setMetadata(upload.getMetadata());
    TusUploader resumed = tusClient(member).beginOrResumeUploadFromURL(again, location);
    assertThat(resumed.getOffset()).isEqualTo(afterCut);
    resumed.setChunkSize(1024 * 1024);
    while (resumed.uploadChunk() > -1) {
      // keep sending
    }
    resumed.finish();

    assertThat(offsetAt(location, member)).isEqualTo(Files.size(source));

    // The store pipeline takes it into the file store; the download is byte-identical.
    String fileName = idOf(location.toString());
    jakarta.json.JsonObject stored = awaitSettled(api(), member, pool, fileName);
    assertThat(stored.getString("activity")).isEqualTo("STORED");
    assertThat(stored.getString("sha256")).isEqualTo(sha256(source));
    assertThat(stored.getString("timestamp")).isEqualTo("2026-11-23T10:00:00Z");
    java.net.http.HttpResponse<byte[]> download = api().getBytes("api/file/" + fileName, member);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(sha256(download.body())).isEqualTo(sha256(source));
    Eventually.await("the partial file is freed", Duration.ofSeconds(10), () -> Files.exists(partialFile(location)),
        exists -> !exists);
  }

  @Test
  void aChunkThatFailsItsChecksumIsDiscardedWith460AndAMatchingOneIsKept() {
    prepare();
    Api api = api();
    String location = create(api, member, 10, metadata("ck.txt"));
    byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);

    Reply wrong = patch(api, location, member, 0, hello, "sha1 " + b64(digest("SHA-1", "other".getBytes())));
    assertProblem(wrong, 460, "checksum-mismatch");
    assertThat(headOffset(api, location, member)).isZero();

    for (String algorithm : new String[] {"md5", "sha256"}) {
      String jdk = algorithm.equals("md5") ? "MD5" : "SHA-256";
      long at = headOffset(api, location, member);
      Reply ok = patch(api, location, member, at, hello, algorithm + " " + b64(digest(jdk, hello)));
      assertThat(ok.status()).as(ok.toString()).isEqualTo(204);
    }
    assertThat(headOffset(api, location, member)).isEqualTo(10);
    assertProblem(patch(api, location, member, 0, hello, "crc32 AAAA"), 400, "invalid-input");
  }

  @Test
  void aDeferredLengthIsDeclaredByALaterPatchAndThenHolds() {
    prepare();
    Api api = api();
    Reply created = api.send(api.request("api/upload/", member).header("Tus-Resumable", "1.0.0")
        .header("Upload-Defer-Length", "1").header("Upload-Metadata", metadata("d.txt")).POST(BodyPublishers.noBody()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String location = created.header("Location").orElseThrow();
    assertThat(head(api, location, member).header("Upload-Defer-Length")).contains("1");
    assertThat(head(api, location, member).header("Upload-Length")).isEmpty();

    assertThat(patch(api, location, member, 0, "hello".getBytes(), null).status()).isEqualTo(204);
    Reply last = api.send(api.request(location, member).header("Tus-Resumable", "1.0.0")
        .header("Upload-Offset", "5").header("Upload-Length", "11")
        .header("Content-Type", "application/offset+octet-stream").method("PATCH", BodyPublishers.ofString(" world")));
    assertThat(last.status()).as(last.toString()).isEqualTo(204);
    Reply head = head(api, location, member);
    assertThat(head.header("Upload-Length")).contains("11");
    assertThat(head.header("Upload-Offset")).contains("11");

    // Refusals: both headers, neither, a bad defer value, a length below what arrived.
    assertProblem(api.send(api.request("api/upload/", member).header("Tus-Resumable", "1.0.0")
        .header("Upload-Defer-Length", "1").header("Upload-Length", "5").header("Upload-Metadata", metadata("x"))
        .POST(BodyPublishers.noBody())), 400, "invalid-input");
    assertProblem(api.send(api.request("api/upload/", member).header("Tus-Resumable", "1.0.0")
        .header("Upload-Metadata", metadata("x")).POST(BodyPublishers.noBody())), 400, "invalid-input");
    assertProblem(api.send(api.request("api/upload/", member).header("Tus-Resumable", "1.0.0")
        .header("Upload-Defer-Length", "2").header("Upload-Metadata", metadata("x")).POST(BodyPublishers.noBody())),
        400, "invalid-input");
    String other = api.send(api.request("api/upload/", member).header("Tus-Resumable", "1.0.0")
        .header("Upload-Defer-Length", "1").header("Upload-Metadata", metadata("y.txt")).POST(BodyPublishers.noBody()))
        .header("Location").orElseThrow();
    patch(api, other, member, 0, "12345".getBytes(), null);
    assertProblem(api.send(api.request(other, member).header("Tus-Resumable", "1.0.0")
        .header("Upload-Offset", "5").header("Upload-Length", "3")
        .header("Content-Type", "application/offset+octet-stream").method("PATCH", BodyPublishers.ofString("x"))),
        400, "invalid-input");
    assertThat(headOffset(api, other, member)).isEqualTo(5);
  }

  @Test
  void aSecondAppendWhileOneIsReceivingIsRefusedWith423AndTheFirstCompletes() throws Exception {
    prepare();
    Api api = api();
    String location = create(api, member, 10, metadata("busy.txt"));
    URL url = new URL(location);
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(("PATCH " + url.getPath() + " HTTP/1.1\r\nHost: " + url.getHost() + "\r\n"
          + "Authorization: Bearer " + member + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\n"
          + "Content-Type: application/offset+octet-stream\r\nContent-Length: 10\r\n\r\nhello")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(1_000); // the first append is now waiting for its last five bytes

      Reply second = patch(api, location, member, 0, "other".getBytes(), null);
      assertProblem(second, 423, "upload-busy");
      assertThat(api.send(api.request(location, member).header("Tus-Resumable", "1.0.0").DELETE()).status())
          .as("no termination under a running append").isEqualTo(423);

      out.write("world".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      assertThat(status).isEqualTo("HTTP/1.1 204");
    }
    assertThat(headOffset(api, location, member)).isEqualTo(10);
    awaitSettled(api, member, pool, idOf(location));
    assertThat(api.getBytes("api/file/" + idOf(location), member).body()).asString().isEqualTo("helloworld");
  }

  @Test
  void terminationDeletesTheBytesAndTheUploadIsGone() throws Exception {
    prepare();
    Api api = api();
    String location = create(api, member, 100, metadata("t.txt"));
    patch(api, location, member, 0, "some bytes".getBytes(), null);
    Path part = partialFile(new URL(location));
    assertThat(part).exists();

    Reply deleted = api.send(api.request(location, member).header("Tus-Resumable", "1.0.0").DELETE());
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(part).doesNotExist();
    assertThat(head(api, location, member).status()).isEqualTo(410);
    assertProblem(patch(api, location, member, 10, "x".getBytes(), null), 410, "upload-terminated");
  }

  @Test
  void anUploadWithoutWritesForTheExpirationPeriodExpires() throws Exception {
    prepare();
    Api api = api();
    String location = create(api, member, 100, metadata("e.txt"));
    Reply head = head(api, location, member);
    assertThat(head.header("Upload-Expires")).isPresent();

    Thread.sleep(Duration.ofSeconds(7).toMillis());

    assertThat(head(api, location, member).status()).isEqualTo(410);
    assertProblem(patch(api, location, member, 0, "late".getBytes(), null), 410, "upload-expired");

    // The purge job frees its bytes; a live upload of the same member is left alone.
    Path part = partialFile(new URL(location));
    assertThat(part).exists();
    String live = create(api, member, 100, metadata("live.txt"));
    String admin = api.adminToken();
    Reply started = api.post("api/admin/jobs/upload-purge", null, admin);
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    long execution = started.json().getJsonNumber("executionId").longValue();
    jakarta.json.JsonObject run = Eventually.await("upload-purge " + execution, Duration.ofSeconds(30),
        () -> api.get("api/admin/jobs/upload-purge?executions=5", admin).json().getJsonArray("executions")
            .stream().map(v -> v.asJsonObject())
            .filter(e -> e.getJsonNumber("executionId").longValue() == execution).findFirst().orElse(null),
        e -> e != null && e.getString("batchStatus").equals("COMPLETED"));
    assertThat(run.getJsonArray("steps").getJsonObject(0).getString("exitStatus")).startsWith("PURGED ");
    assertThat(part).doesNotExist();
    assertThat(head(api, location, member).status()).isEqualTo(410);
    assertThat(headOffset(api, live, member)).isZero();
    assertThat(partialFile(new URL(live))).exists();
  }

  @Test
  void refusalsAreExactAndStoreNothing() {
    prepare();
    Api api = api();
    Reply options = api.send(api.request("api/upload/", null).method("OPTIONS", BodyPublishers.noBody()));
    assertThat(options.status()).isEqualTo(204);
    assertThat(options.header("Tus-Extension")).hasValueSatisfying(e -> assertThat(e).contains("creation",
        "creation-with-upload", "creation-defer-length", "checksum", "checksum-trailer", "termination", "expiration",
        "concatenation"));
    assertThat(options.header("Tus-Max-Size")).contains(Long.toString(40L * 1024 * 1024));

    assertThat(createReply(api, null, 10, metadata("a")).status()).isEqualTo(401);
    assertProblem(createReply(api, outsider, 10, metadata("a")), 403, "not-a-member");
    assertProblem(createReply(api, member, 10, "filename " + b64("a".getBytes())), 400, "invalid-input");
    assertProblem(createReply(api, member, 10, "pool " + b64("no-such-pool".getBytes())), 404, "unknown-pool");
    assertProblem(createReply(api, member, 10, "pool !!notbase64"), 400, "invalid-input");
    assertProblem(createReply(api, member, 10, metadata("../../etc/passwd")), 400, "invalid-input");
    assertProblem(createReply(api, member, 41L * 1024 * 1024, metadata("big")), 413, "upload-too-large");
    assertProblem(api.send(api.request("api/upload/", member).header("Tus-Resumable", "1.0.0")
        .header("Upload-Length", "ten").header("Upload-Metadata", metadata("a")).POST(BodyPublishers.noBody())),
        400, "invalid-input");
    assertProblem(api.send(api.request("api/upload/", member).header("Upload-Length", "10")
        .header("Upload-Metadata", metadata("a")).POST(BodyPublishers.noBody())), 412, "tus-version");

    String location = create(api, member, 10, metadata("r.txt"));
    assertProblem(patch(api, location, member, 3, "abc".getBytes(), null), 409, "offset-mismatch");
    assertProblem(patch(api, location, member, 0, "too many bytes".getBytes(), null), 413, "beyond-upload-length");
    assertThat(headOffset(api, location, member)).as("nothing of the refused chunks was kept").isZero();
    Reply wrongType = api.send(api.request(location, member).header("Tus-Resumable", "1.0.0")
        .header("Upload-Offset", "0").header("Content-Type", "text/plain")
        .method("PATCH", BodyPublishers.ofString("abc")));
    assertProblem(wrongType, 415, "unsupported-media-type");
    assertThat(head(api, location, outsider).status()).as("HEAD answers carry no body").isEqualTo(404);
    assertProblem(patch(api, location, outsider, 0, "abc".getBytes(), null), 404, "unknown-upload");
    assertThat(head(api, "api/upload/0123456789abcdef0123456789abcdef", member).status()).isEqualTo(404);
  }

  // ---- helpers ------------------------------------------------------------------------------

  private TusClient tusClient(String token) throws Exception {
    TusClient client = new TusClient();
    client.setUploadCreationURL(new URL(base, "api/upload/"));
    client.setHeaders(Map.of("Authorization", "Bearer " + token));
    client.enableResuming(new TusURLMemoryStore());
    return client;
  }

  private String metadata(String filename) {
    return "filename " + b64(filename.getBytes(StandardCharsets.UTF_8)) + ",pool " + b64(pool.getBytes());
  }






  private long offsetAt(URL location, String token) {
    return headOffset(api(), location.toString(), token);
  }

  private long awaitOffsetAbove(URL location, String token, long floor) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    long offset = offsetAt(location, token);
    while (offset <= floor && System.nanoTime() < deadline) {
      Thread.sleep(100);
      offset = offsetAt(location, token);
    }
    return offset;
  }

  /** Starts a PATCH of {@code announced} bytes, sends {@code sent} of them, and drops the connection. */
  private void cutPatch(URL location, String token, long offset, Path source, int announced, int sent)
      throws IOException {
    byte[] bytes = new byte[sent];
    try (var in = Files.newInputStream(source)) {
      in.skipNBytes(offset);
      in.readNBytes(bytes, 0, sent);
    }
    try (Socket socket = new Socket(location.getHost(), location.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(("PATCH " + location.getPath() + " HTTP/1.1\r\nHost: " + location.getHost() + "\r\n"
          + "Authorization: Bearer " + token + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: " + offset + "\r\n"
          + "Content-Type: application/offset+octet-stream\r\nContent-Length: " + announced + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
      socket.setSoLinger(true, 0); // reset, as a dropped link would
    }
  }

  private static Path partialFile(URL location) {
    return org.dropcart.support.Tus.partialFile(idOf(location.getPath()));
  }

  private static Path randomFile(String name, int size) throws IOException {
    byte[] bytes = new byte[size];
    new Random(42).nextBytes(bytes);
    return Files.write(files.resolve(name), bytes);
  }



}
