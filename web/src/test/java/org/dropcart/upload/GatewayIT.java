package org.dropcart.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dropcart.support.Tus.sha256;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.dropcart.support.Api;
import org.dropcart.support.DropcartDeployment;
import org.dropcart.support.ForgedTokens;
import org.dropcart.support.SocketClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 003's socket gateway, driven by Java's own WebSocket client: sign-in (query or first
 * message, 4401 on a bad token), a transfer in base64 chunks and binary frames with a chunk at the
 * wrong offset, completion, the notifications that follow, history and keep-alive.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GatewayIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return DropcartDeployment.war();
  }

  @ArquillianResource private URL base;

  private URI uri() {
    return URI.create(base.toString());
  }

  @Test
  void aBadOrMissingTokenClosesTheSocketWith4401() throws Exception {
    String foreign = ForgedTokens.signedWithOtherKey(ForgedTokens.claimsFor("u", "mallory", "admin").build());
    try (SocketClient forged = SocketClient.connect(uri(), foreign)) {
      assertThat(forged.awaitClose()).isEqualTo(4401);
    }
    try (SocketClient anonymous = SocketClient.connect(uri(), null)) {
      anonymous.send(Json.createObjectBuilder().add("type", "alive").build());
      assertThat(anonymous.awaitClose()).as("anything but connect before signing in").isEqualTo(4401);
    }
    try (SocketClient wrongFirst = SocketClient.connect(uri(), null)) {
      wrongFirst.send(Json.createObjectBuilder().add("type", "connect").add("access_token", "not-a-jwt").build());
      assertThat(wrongFirst.awaitClose()).isEqualTo(4401);
    }
  }

  @Test
  void aFileSentOverTheSocketIsStoredAndTheUploaderIsToldAtEachStep() throws Exception {
    Api api = new Api(base);
    String admin = api.adminToken();
    String name = Api.uniqueName("socketeer");
    String token = api.signUp(name, "socket-password-1");
    String pool = api.poolWith(admin, name);

    byte[] file = new byte[300_000];
    new Random(3).nextBytes(file);
    try (SocketClient ws = SocketClient.connect(uri(), null);
        SocketClient adminWs = SocketClient.connect(uri(), admin)) {
      adminWs.awaitType("connected");
      ws.send(Json.createObjectBuilder().add("type", "connect").add("access_token", token).build());
      assertThat(ws.awaitType("connected").getString("username")).isEqualTo(name);

      ws.send(Json.createObjectBuilder().add("type", "alive").add("ref", 1).build());
      assertThat(ws.awaitType("alive-ack").getInt("ref")).isEqualTo(1);

      ws.send(Json.createObjectBuilder().add("type", "start-transfer").add("filename", "socket.bin")
          .add("size", file.length).add("pool", pool).add("timestamp", "2026-11-23T09:00:00Z")
          .add("checksum", "sha256 " + Base64.getEncoder().encodeToString(
              java.security.MessageDigest.getInstance("SHA-256").digest(file))).build());
      String uploadId = ws.awaitType("transfer-started").getString("uploadId");

      // First 100 000 bytes as base64 text, then a chunk at a wrong offset, then binary frames.
      ws.send(chunk(uploadId, 0, Arrays.copyOfRange(file, 0, 100_000)));
      assertThat(ws.awaitType("chunk-written").getJsonNumber("offset").longValue()).isEqualTo(100_000);
      ws.send(chunk(uploadId, 5, Arrays.copyOfRange(file, 5, 10)));
      JsonObject wrong = ws.awaitType("error");
      assertThat(wrong.getInt("status")).isEqualTo(409);
      assertThat(wrong.getString("kind")).isEqualTo("offset-mismatch");

      ws.send(Json.createObjectBuilder().add("type", "complete-upload").add("uploadId", uploadId).build());
      JsonObject early = ws.awaitType("error");
      assertThat(early.getString("kind")).isEqualTo("upload-incomplete");

      ws.sendBinary(Arrays.copyOfRange(file, 100_000, 200_000));
      assertThat(ws.awaitType("chunk-written").getJsonNumber("offset").longValue()).isEqualTo(200_000);
      ws.sendBinary(Arrays.copyOfRange(file, 200_000, file.length));
      assertThat(ws.awaitType("chunk-written").getJsonNumber("offset").longValue()).isEqualTo(file.length);

      ws.send(Json.createObjectBuilder().add("type", "complete-upload").add("uploadId", uploadId).build());
      assertThat(ws.awaitType("upload-complete").getJsonNumber("size").longValue()).isEqualTo(file.length);

      // Pushed as it happens, to the uploader and to admins.
      assertThat(ws.awaitType("file-cached").getString("uploadId")).isEqualTo(uploadId);
      JsonObject stored = ws.awaitType("file-stored");
      assertThat(stored.getString("fileName")).isEqualTo(uploadId);
      assertThat(stored.getString("sha256")).isEqualTo(sha256(file));
      assertThat(adminWs.await(m -> "file-stored".equals(m.getString("type", null))
          && uploadId.equals(m.getString("fileName", null)), "the admin's file-stored").getString("name"))
          .isEqualTo("socket.bin");

      ws.send(Json.createObjectBuilder().add("type", "get-history").build());
      JsonObject history = ws.awaitType("history");
      assertThat(history.getJsonArray("items").getJsonObject(0).getString("fileName")).isEqualTo(uploadId);
      assertThat(history.getJsonArray("items").getJsonObject(0).getString("activity")).isEqualTo("STORED");

      // Refusals answer an error and leave the socket open.
      ws.sendRaw("{not json");
      assertThat(ws.awaitType("error").getString("kind")).isEqualTo("malformed-json");
      ws.send(Json.createObjectBuilder().add("type", "teleport").build());
      assertThat(ws.awaitType("error").getInt("status")).isEqualTo(400);
      ws.send(Json.createObjectBuilder().add("type", "start-transfer").add("filename", "x").add("size", 5)
          .add("pool", "no-such-pool").build());
      assertThat(ws.awaitType("error").getString("kind")).isEqualTo("unknown-pool");
      ws.send(Json.createObjectBuilder().add("type", "write-chunk").add("uploadId", uploadId).add("offset", 0)
          .add("data", "***").build());
      assertThat(ws.awaitType("error").getString("kind")).isEqualTo("invalid-input");

      assertThat(api.getBytes("api/file/" + uploadId, token).body()).isEqualTo(file);

      // Signing out ends the socket's rights too.
      api.put("api/auth/logout/" + name, null, token);
      ws.send(Json.createObjectBuilder().add("type", "alive").build());
      assertThat(ws.awaitClose()).isEqualTo(4401);
    }
  }

  @Test
  void aClientThatStopsReadingIsClosedAndDoesNotHoldUpOthers() throws Exception {
    Api api = new Api(base);
    String admin = api.adminToken();
    String name = Api.uniqueName("hare");
    String token = api.signUp(name, "socket-password-3");
    String pool = api.poolWith(admin, name);
    String megabyte = "x".repeat(1 << 20);
    try (SocketClient stuck = SocketClient.connectPaused(uri(), admin);
        SocketClient fast = SocketClient.connect(uri(), token)) {
      stuck.awaitType("connected");
      fast.awaitType("connected");
      // The stuck admin asks for 1 MB replies and reads none: its send queue jams. 32 MB, well past
      // what loopback's socket buffers absorb once TCP has autotuned them (12 MB was not, once).
      for (int i = 0; i < 32; i++) {
        stuck.sendWithoutWaiting(Json.createObjectBuilder().add("type", "alive").add("ref", megabyte).build());
      }
      Thread.sleep(2_000); // the server reads what it can and jams its replies to the stuck client
      // Meanwhile the other client uploads; every notification also goes to the stuck admin.
      for (int i = 0; i < 12; i++) {
        long start = System.nanoTime();
        String location = org.dropcart.support.Tus.upload(api, token, ("row " + i + "\n").getBytes(),
            org.dropcart.support.Tus.metadata("pool", pool, "filename", "r" + i + ".csv"));
        String id = org.dropcart.support.Tus.idOf(location);
        fast.await(m -> "file-stored".equals(m.getString("type", null)) && id.equals(m.getString("fileName", null)),
            "file-stored of " + id);
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms from upload to its notification").isLessThan(10_000);
        int ref = i;
        start = System.nanoTime();
        fast.send(Json.createObjectBuilder().add("type", "alive").add("ref", ref).build());
        fast.await(m -> m.getInt("ref", -1) == ref, "alive-ack " + ref);
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms for a round trip").isLessThan(2_000);
      }
      // The server gave up on the stuck session (closed, 1008): once it reads again, nothing more is answered.
      stuck.resume();
      stuck.sendWithoutWaiting(Json.createObjectBuilder().add("type", "alive").add("ref", "after").build());
      assertThat(stuck.arrives(m -> "after".equals(m.getString("ref", null)), 5)).isFalse();
    }
  }

  private static JsonObject chunk(String uploadId, long offset, byte[] bytes) {
    return Json.createObjectBuilder().add("type", "write-chunk").add("uploadId", uploadId).add("offset", offset)
        .add("data", Base64.getEncoder().encodeToString(bytes)).build();
  }
}
