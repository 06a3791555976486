package org.dropcart.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dropcart.support.ProblemAssert.assertProblem;
import static org.dropcart.support.Tus.awaitSettled;
import static org.dropcart.support.Tus.b64;
import static org.dropcart.support.Tus.create;
import static org.dropcart.support.Tus.createReply;
import static org.dropcart.support.Tus.digest;
import static org.dropcart.support.Tus.head;
import static org.dropcart.support.Tus.idOf;
import static org.dropcart.support.Tus.metadata;
import static org.dropcart.support.Tus.partialFile;
import static org.dropcart.support.Tus.patch;
import static org.dropcart.support.Tus.sha256;
import static org.dropcart.support.Tus.upload;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
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

/**
 * What happens after the last byte: the store pipeline (validation, GridFS, the file index, the
 * dead-letter queue), batches with several timestamps (tus concatenation and tar), checksum
 * trailers, and the files API (history, a pool's files, downloads with ranges and entity tags).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StorePipelineIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return DropcartDeployment.war();
  }

  @ArquillianResource private URL base;

  private static final String PASSWORD = "pipeline-password-1";
  private static String member;
  private static String outsider;
  private static String admin;
  private static String pool;
  private static boolean prepared;

  @BeforeAll
  static void reset() {
    prepared = false;
  }

  private Api api() {
    return new Api(base);
  }

  private void prepare() {
    if (prepared) {
      return;
    }
    Api api = api();
    admin = api.adminToken();
    String memberName = Api.uniqueName("dropper");
    member = api.signUp(memberName, PASSWORD);
    outsider = api.signUp(Api.uniqueName("stranger"), PASSWORD);
    pool = api.poolWith(admin, memberName);
    prepared = true;
  }

  @Test
  void threePartialUploadsWithThreeTimestampsBecomeThreeFilesWithTheirOwnTimestamps() throws Exception {
    prepare();
    Api api = api();
    String[] times = {"2026-11-23T08:00:00Z", "2026-11-23T08:05:00Z", "2026-11-23T08:10:00Z"};
    String[] parts = new String[3];
    for (int i = 0; i < 3; i++) {
      byte[] bytes = ("reading " + i + "\n").repeat(100 + i).getBytes(StandardCharsets.UTF_8);
      Reply created = api.send(api.request("api/upload/", member).header("Tus-Resumable", "1.0.0")
          .header("Upload-Concat", "partial").header("Upload-Length", Integer.toString(bytes.length))
          .header("Upload-Metadata", metadata("pool", pool, "filename", "part-" + i + ".txt", "timestamp", times[i]))
          .POST(BodyPublishers.noBody()));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      parts[i] = created.header("Location").orElseThrow();
      assertThat(patch(api, parts[i], member, 0, bytes, null).status()).isEqualTo(204);
      assertThat(head(api, parts[i], member).header("Upload-Concat")).contains("partial");
    }
    String partPaths = String.join(" ", List.of(parts).stream().map(p -> URI.create(p).getPath()).toList());

    // A final upload naming an incomplete partial one is refused; so is one of another member.
    Reply incomplete = api.send(api.request("api/upload/", member).header("Tus-Resumable", "1.0.0")
        .header("Upload-Concat", "partial").header("Upload-Length", "10")
        .header("Upload-Metadata", metadata("pool", pool)).POST(BodyPublishers.noBody()));
    assertProblem(finalUpload(api, member, incomplete.header("Location").orElseThrow()), 409,
        "partial-upload-incomplete");
    assertProblem(finalUpload(api, outsider, parts[0]), 403, "not-a-member");

    Reply last = finalUpload(api, member, partPaths);
    assertThat(last.status()).as(last.toString()).isEqualTo(201);
    String finalLocation = last.header("Location").orElseThrow();
    Reply finalHead = head(api, finalLocation, member);
    assertThat(finalHead.header("Upload-Concat")).hasValueSatisfying(h -> assertThat(h).startsWith("final;")
        .contains(idOf(parts[0]), idOf(parts[1]), idOf(parts[2])));
    assertThat(finalHead.header("Upload-Offset")).isEqualTo(finalHead.header("Upload-Length"));
    assertProblem(patch(api, finalLocation, member, 0, "x".getBytes(), null), 403, "final-upload");
    assertProblem(finalUpload(api, member, parts[0]), 409, "partial-upload-used");

    String id = idOf(finalLocation);
    for (int i = 0; i < 3; i++) {
      JsonObject file = awaitSettled(api, member, pool, id + "-0000" + (i + 1));
      assertThat(file.getString("activity")).isEqualTo("STORED");
      assertThat(file.getString("timestamp")).isEqualTo(times[i]);
      assertThat(file.getString("name")).isEqualTo("part-" + i + ".txt");
      assertThat(file.getJsonObject("metaData").getString("partOf")).isEqualTo(id);
      byte[] content = api.getBytes("api/file/" + file.getString("fileName"), member).body();
      assertThat(new String(content, StandardCharsets.UTF_8)).isEqualTo(("reading " + i + "\n").repeat(100 + i));
    }
    // The window [08:05, 08:10) holds only the second part.
    JsonObject window = api.get("api/pools/" + pool + "/files?from=2026-11-23T08:05:00Z&to=2026-11-23T08:10:00Z",
        member).json();
    assertThat(window.getJsonArray("items").stream().map(v -> v.asJsonObject().getString("name")).toList())
        .containsExactly("part-1.txt");
    for (String part : parts) {
      Eventually.await("partial upload bytes freed", Duration.ofSeconds(10),
          () -> Files.exists(partialFile(idOf(part))), exists -> !exists);
    }
  }

  @Test
  void partialUploadsWithoutTimestampsConcatenateIntoOneFile() {
    prepare();
    Api api = api();
    byte[] a = "first half, ".getBytes(StandardCharsets.UTF_8);
    byte[] b = "second half".getBytes(StandardCharsets.UTF_8);
    String pa = partial(api, a);
    String pb = partial(api, b);
    Reply last = finalUpload(api, member, URI.create(pa).getPath() + " " + pb, "whole.txt");
    assertThat(last.status()).as(last.toString()).isEqualTo(201);
    JsonObject file = awaitSettled(api, member, pool, idOf(last.header("Location").orElseThrow()));
    assertThat(file.getString("name")).isEqualTo("whole.txt");
    assertThat(api.getBytes("api/file/" + file.getString("fileName"), member).body()).asString()
        .isEqualTo("first half, second half");
  }

  @Test
  void aTarBatchBecomesOneFilePerEntryWithTheEntrysMtime() throws Exception {
    prepare();
    Api api = api();
    Map<String, Instant> entries = Map.of(
        "day1/a.csv", Instant.parse("2026-11-20T06:00:00Z"),
        "day2/b.csv", Instant.parse("2026-11-21T06:00:00Z"),
        "c.csv", Instant.parse("2026-11-22T06:00:00Z"));
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      TarArchiveEntry dir = new TarArchiveEntry("day1/");
      out.putArchiveEntry(dir);
      out.closeArchiveEntry();
      for (String name : new String[] {"day1/a.csv", "day2/b.csv", "c.csv"}) {
        byte[] body = ("t,v\n" + name + ",1\n").getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(body.length);
        e.setModTime(java.util.Date.from(entries.get(name)));
        out.putArchiveEntry(e);
        out.write(body);
        out.closeArchiveEntry();
      }
    }
    String location = upload(api, member, tar.toByteArray(),
        metadata("pool", pool, "filename", "batch.tar", "batch", "tar"));
    String id = idOf(location);
    Map<String, String> stamps = new java.util.HashMap<>();
    for (int n = 1; n <= 3; n++) {
      JsonObject f = awaitSettled(api, member, pool, id + "-0000" + n);
      assertThat(f.getString("activity")).isEqualTo("STORED");
      stamps.put(f.getJsonObject("metaData").getString("path"), f.getString("timestamp"));
    }
    assertThat(stamps).containsEntry("day1/a.csv", "2026-11-20T06:00:00Z")
        .containsEntry("day2/b.csv", "2026-11-21T06:00:00Z").containsEntry("c.csv", "2026-11-22T06:00:00Z");

    // Not a tar at all: refused, and said why.
    String bogus = upload(api, member, "just text".getBytes(), metadata("pool", pool, "filename", "x.tar", "batch", "tar"));
    JsonObject refused = awaitSettled(api, member, pool, idOf(bogus));
    assertThat(refused.getString("activity")).isEqualTo("REJECTED");
    assertThat(refused.getString("reason")).startsWith("not-a-tar");
    assertProblem(createReply(api, member, 5, metadata("pool", pool, "batch", "zip")), 400, "invalid-input");
  }

  @Test
  void validationRefusesEmptyFilesExecutablesScriptsAndWrongChecksumsAndSaysWhy() {
    prepare();
    Api api = api();
    String empty = create(api, member, 0, metadata("pool", pool, "filename", "empty.csv"));
    byte[] script = "#!/bin/sh\necho owned\n".getBytes(StandardCharsets.UTF_8);
    String shell = upload(api, member, script, metadata("pool", pool, "filename", "harmless.csv"));
    byte[] elf = new byte[256];
    elf[0] = 0x7f;
    elf[1] = 'E';
    elf[2] = 'L';
    elf[3] = 'F';
    elf[4] = 2;
    elf[5] = 1;
    elf[6] = 1;
    elf[16] = 2;
    String binary = upload(api, member, elf, metadata("pool", pool, "filename", "data.bin"));
    byte[] body = "value,1\n".getBytes(StandardCharsets.UTF_8);
    String wrongSum = upload(api, member, body, metadata("pool", pool, "filename", "sum.csv",
        "checksum", "sha256 " + b64(digest("SHA-256", "something else".getBytes()))));
    String rightSum = upload(api, member, body, metadata("pool", pool, "filename", "sum-ok.csv",
        "checksum", "sha1 " + b64(digest("SHA-1", body))));
    assertProblem(createReply(api, member, 5, metadata("pool", pool, "checksum", "crc32 AAAA")), 400, "invalid-input");

    assertThat(reasonOf(api, empty)).startsWith("empty-file");
    assertThat(reasonOf(api, shell)).startsWith("forbidden-type").contains("application/x-sh");
    assertThat(reasonOf(api, binary)).startsWith("forbidden-type");
    assertThat(reasonOf(api, wrongSum)).startsWith("checksum-mismatch");
    JsonObject ok = awaitSettled(api, member, pool, idOf(rightSum));
    assertThat(ok.getString("activity")).isEqualTo("STORED");
    assertThat(ok.getString("sha256")).isEqualTo(sha256(body));
    assertThat(ok.getString("contentType")).isEqualTo("text/csv");

    // A refused file has no content to download, and its upload's bytes are gone from the volume.
    assertProblem(api.get("api/file/" + idOf(shell), member), 404, "file-without-content");
    Eventually.await("the refused upload's bytes are freed", Duration.ofSeconds(10),
        () -> Files.exists(partialFile(idOf(shell))), exists -> !exists);
  }

  @Test
  void aChunkMayCarryItsChecksumAsATrailer() throws Exception {
    prepare();
    Api api = api();
    String location = create(api, member, 10, metadata("pool", pool, "filename", "trailer.txt"));
    assertThat(chunkedPatch(location, 0, "hello", "sha1 " + b64(digest("SHA-1", "other".getBytes()))))
        .startsWith("HTTP/1.1 460");
    assertThat(head(api, location, member).header("Upload-Offset")).contains("0");
    assertThat(chunkedPatch(location, 0, "hello", "md5 " + b64(digest("MD5", "hello".getBytes()))))
        .startsWith("HTTP/1.1 204");
    assertThat(chunkedPatch(location, 5, "world", null)).as("a trailer announced but never sent")
        .startsWith("HTTP/1.1 460");
    assertThat(head(api, location, member).header("Upload-Offset")).contains("5");
  }

  @Test
  void downloadsHonourRangesAndEntityTagsAndOnlyMembersMayRead() {
    prepare();
    Api api = api();
    byte[] body = "0123456789".repeat(100).getBytes(StandardCharsets.UTF_8);
    String location = upload(api, member, body, metadata("pool", pool, "filename", "digits.txt",
        "filetype", "text/plain"));
    String name = idOf(location);
    JsonObject entry = awaitSettled(api, member, pool, name);
    String path = "api/file/" + name;

    HttpResponse<byte[]> whole = api.getBytes(path, member);
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.body()).isEqualTo(body);
    assertThat(whole.headers().firstValue("Content-Length")).contains("1000");
    assertThat(whole.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");
    String etag = whole.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).isEqualTo("\"" + entry.getString("sha256") + "\"");

    HttpResponse<byte[]> middle = api.getBytes(path, member, "Range", "bytes=10-19");
    assertThat(middle.statusCode()).isEqualTo(206);
    assertThat(middle.headers().firstValue("Content-Range")).contains("bytes 10-19/1000");
    assertThat(middle.body()).asString().isEqualTo("0123456789");
    assertThat(api.getBytes(path, member, "Range", "bytes=-3").body()).asString().isEqualTo("789");
    assertThat(api.getBytes(path, member, "Range", "bytes=995-").body()).asString().isEqualTo("56789");
    HttpResponse<byte[]> beyond = api.getBytes(path, member, "Range", "bytes=5000-");
    assertThat(beyond.statusCode()).isEqualTo(416);
    assertThat(beyond.headers().firstValue("Content-Range")).contains("bytes */1000");
    assertThat(api.getBytes(path, member, "Range", "bytes=0-1,5-6").statusCode()).as("several ranges: all of it")
        .isEqualTo(200);
    assertThat(api.getBytes(path, member, "If-None-Match", etag).statusCode()).isEqualTo(304);
    assertThat(api.getBytes(path, member, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    assertThat(api.getBytes(path, member, "Range", "bytes=0-4", "If-Range", "\"stale\"").statusCode())
        .as("a stale If-Range gets the whole file").isEqualTo(200);

    assertThat(api.getBytes(path, admin).statusCode()).isEqualTo(200);
    assertProblem(api.get(path, outsider), 403, "not-a-member");
    assertProblem(api.get("api/file/no-such-file", member), 404, "unknown-file");
    assertThat(api.get(path, null).status()).isEqualTo(401);

    // History: the client itself and admins; nobody else.
    String clientId = entry.getString("clientId");
    JsonObject history = api.get("api/client/history/" + clientId, member).json();
    assertThat(history.getJsonArray("items").stream().map(v -> v.asJsonObject().getString("fileName")).toList())
        .contains(name);
    assertThat(history.getJsonArray("items").getJsonObject(0).getString("clientName")).isNotBlank();
    assertThat(api.get("api/client/history/" + clientId, admin).status()).isEqualTo(200);
    assertProblem(api.get("api/client/history/" + clientId, outsider), 403, "not-your-client");
    assertProblem(api.get("api/client/history/no-such-client", member), 404, "unknown-client");
    assertProblem(api.get("api/pools/" + pool + "/files", outsider), 403, "not-a-member");
    assertProblem(api.get("api/pools/" + pool + "/files?from=yesterday", member), 400, "invalid-input");
    assertProblem(api.get("api/pools/" + pool + "/files?from=2026-11-23T10:00:00Z&to=2026-11-23T09:00:00Z", member),
        400, "invalid-input");
  }

  @Test
  void anUploadThatCannotBeStoredIsTriedThreeTimesThenFailedDeadLetteredAndSaidSo() throws Exception {
    prepare();
    Api api = api();
    String part = partial(api, "these bytes will be lost".getBytes(StandardCharsets.UTF_8));
    // The volume loses the partial upload's bytes (a disk fault): no attempt can read them.
    Files.delete(partialFile(idOf(part)));
    Reply last = finalUpload(api, member, part, "lost.txt");
    assertThat(last.status()).as(last.toString()).isEqualTo(201);
    String id = idOf(last.header("Location").orElseThrow());

    JsonObject failed = awaitSettled(api, member, pool, id);
    assertThat(failed.getString("activity")).isEqualTo("FAILED");
    assertThat(failed.getString("reason")).startsWith("store-failed");
    assertProblem(api.get("api/file/" + id, member), 404, "file-without-content");
    assertThat(deadLetters()).as("the message went to the dead-letter queue").anyMatch(body -> body.contains(id));
  }

  // ---- helpers ------------------------------------------------------------------------------

  private String partial(Api api, byte[] bytes) {
    Reply created = api.send(api.request("api/upload/", member).header("Tus-Resumable", "1.0.0")
        .header("Upload-Concat", "partial").header("Upload-Length", Integer.toString(bytes.length))
        .header("Upload-Metadata", metadata("pool", pool)).POST(BodyPublishers.noBody()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String location = created.header("Location").orElseThrow();
    assertThat(patch(api, location, member, 0, bytes, null).status()).isEqualTo(204);
    return location;
  }

  private Reply finalUpload(Api api, String token, String partUrls) {
    return finalUpload(api, token, partUrls, "final.txt");
  }

  private Reply finalUpload(Api api, String token, String partUrls, String filename) {
    return api.send(api.request("api/upload/", token).header("Tus-Resumable", "1.0.0")
        .header("Upload-Concat", "final;" + partUrls)
        .header("Upload-Metadata", metadata("pool", pool, "filename", filename)).POST(BodyPublishers.noBody()));
  }

  private String reasonOf(Api api, String location) {
    JsonObject entry = awaitSettled(api, member, pool, idOf(location));
    assertThat(entry.getString("activity")).isEqualTo("REJECTED");
    return entry.getString("reason");
  }

  /** A chunked PATCH whose checksum comes as a trailer (or is announced and never sent, when null). */
  private String chunkedPatch(String location, long offset, String chunk, String checksum) throws Exception {
    URL url = new URL(location);
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      String trailer = checksum == null ? "" : "Upload-Checksum: " + checksum + "\r\n";
      out.write(("PATCH " + url.getPath() + " HTTP/1.1\r\nHost: " + url.getHost() + "\r\n"
          + "Authorization: Bearer " + member + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: " + offset + "\r\n"
          + "Content-Type: application/offset+octet-stream\r\nTransfer-Encoding: chunked\r\n"
          + "Trailer: Upload-Checksum\r\nConnection: close\r\n\r\n"
          + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n0\r\n" + trailer + "\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
    }
  }

  /** The bodies of the messages in the broker's dead-letter queue, browsed without consuming them. */
  private static List<String> deadLetters() throws Exception {
    try (ServerLocator locator = ActiveMQClient.createServerLocator("tcp://127.0.0.1:" + DropcartDeployment.brokerPort());
        ClientSessionFactory factory = locator.createSessionFactory();
        ClientSession session = factory.createSession()) {
      session.start();
      List<String> bodies = new java.util.ArrayList<>();
      try (ClientConsumer consumer = session.createConsumer("DLQ", true)) {
        for (ClientMessage m = consumer.receive(2_000); m != null; m = consumer.receiveImmediate()) {
          bodies.add(m.getDataBuffer().readNullableSimpleString().toString());
        }
      }
      return bodies.stream().collect(Collectors.toList());
    }
  }
}
