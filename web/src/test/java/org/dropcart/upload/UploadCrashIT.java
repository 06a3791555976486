package org.dropcart.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dropcart.support.Tus.awaitSettled;
import static org.dropcart.support.Tus.create;
import static org.dropcart.support.Tus.headOffset;
import static org.dropcart.support.Tus.idOf;
import static org.dropcart.support.Tus.metadata;
import static org.dropcart.support.Tus.patch;
import static org.dropcart.support.Tus.sha256;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.dropcart.support.Api;
import org.dropcart.support.Launcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Nothing a client was told is lost: 50 clients upload at once, the server is killed with SIGKILL
 * in the middle, and after a restart every upload resumes from the offset HEAD reports (never
 * below what was acknowledged) to a stored file identical to its source; uploads that had just
 * completed are stored too. Afterwards the file index and the GridFS bucket agree entry for entry.
 */
class UploadCrashIT {
  private static final Launcher SERVER = new Launcher("crash", "crash-admin-password");
  private static final int CLIENTS = 50;
  private static final int SIZE = 2 * 1024 * 1024;
  private static final int CHUNK = 256 * 1024;

  @Test
  void fiftyConcurrentUploadsSurviveAKillAndResumeToIdenticalStoredFiles() throws Exception {
    SERVER.wipe();
    int port = Launcher.freePort();
    int brokerPort = Launcher.freePort();
    int mongoPort = Launcher.freePort();
    Map<String, String> env = Map.of("DROPCART_MONGO_EMBEDDED_PORT", Integer.toString(mongoPort));
    Api api = SERVER.start(port, brokerPort, env, true);
    String admin = api.logIn("admin", "crash-admin-password");
    String user = Api.uniqueName("crasher");
    String token = api.signUp(user, "crash-password-1");
    String pool = api.post("api/pools", "{\"name\":\"crash\"}", admin).json().getString("id");
    api.post("api/pools/" + pool + "/members", "{\"username\":\"" + user + "\"}", admin);

    byte[][] sources = new byte[CLIENTS][];
    String[] locations = new String[CLIENTS];
    Map<Integer, Long> acknowledged = new ConcurrentHashMap<>();
    for (int i = 0; i < CLIENTS; i++) {
      sources[i] = new byte[SIZE];
      new Random(i).nextBytes(sources[i]);
      locations[i] = create(api, token, SIZE, metadata("pool", pool, "filename", "crash-" + i + ".bin"));
      acknowledged.put(i, 0L);
    }
    // Four uploads finish just before the kill: their store may be under way when it happens.
    for (int i = 0; i < 4; i++) {
      for (long at = 0; at < SIZE; at += CHUNK) {
        assertThat(patch(api, locations[i], token, at, Arrays.copyOfRange(sources[i], (int) at, (int) at + CHUNK),
            null).status()).isEqualTo(204);
      }
      acknowledged.put(i, (long) SIZE);
    }
    java.net.URI base = api.base();
    CountDownLatch everyOneStarted = new CountDownLatch(CLIENTS - 4);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS - 4);
    for (int i = 4; i < CLIENTS; i++) {
      int n = i;
      clients.execute(() -> {
        Api own = new Api(base);
        try {
          for (long at = 0; at < SIZE; at += CHUNK) {
            if (patch(own, locations[n], token, at, Arrays.copyOfRange(sources[n], (int) at, (int) at + CHUNK), null)
                .status() != 204) {
              return;
            }
            acknowledged.put(n, at + CHUNK);
            if (at == 0) {
              everyOneStarted.countDown();
            }
            Thread.sleep(150);
          }
        } catch (RuntimeException | InterruptedException killed) {
          // the server went away mid-upload
        }
      });
    }
    assertThat(everyOneStarted.await(60, TimeUnit.SECONDS)).isTrue();
    SERVER.killHard();
    clients.shutdown();
    assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    assertThat(acknowledged.entrySet().stream().filter(e -> e.getValue() < SIZE).count())
        .as("uploads cut short by the kill").isGreaterThanOrEqualTo(8);

    long cut = acknowledged.values().stream().filter(a -> a < SIZE).count();
    long acknowledgedBytes = acknowledged.values().stream().mapToLong(Long::longValue).sum();
    long keptBytes = 0;
    api = SERVER.start(port, brokerPort, env, true);
    for (int i = 0; i < CLIENTS; i++) {
      long offset = headOffset(api, locations[i], token);
      keptBytes += Math.min(offset, acknowledged.get(i));
      assertThat(offset).as("upload %d keeps every acknowledged byte", i).isGreaterThanOrEqualTo(acknowledged.get(i));
      for (long at = offset; at < SIZE; at += CHUNK) {
        int end = (int) Math.min(SIZE, at + CHUNK);
        assertThat(patch(api, locations[i], token, at, Arrays.copyOfRange(sources[i], (int) at, end), null).status())
            .isEqualTo(204);
      }
    }
    for (int i = 0; i < CLIENTS; i++) {
      String name = idOf(locations[i]);
      JsonObject entry = awaitSettled(api, token, pool, name);
      assertThat(entry.getString("activity")).as("upload %d", i).isEqualTo("STORED");
      assertThat(entry.getString("sha256")).isEqualTo(sha256(sources[i]));
      assertThat(sha256(api.getBytes("api/file/" + name, token).body())).isEqualTo(sha256(sources[i]));
    }

    // The index and the content agree: no entry without content, no content without an entry.
    try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
      MongoDatabase db = mongo.getDatabase("dropcart");
      Map<String, Long> content = new HashMap<>();
      db.getCollection("files.files").find().forEach(d -> content.put(d.getString("_id"), d.get("length", Number.class).longValue()));
      Set<String> stored = new HashSet<>();
      List<String> mismatches = new ArrayList<>();
      for (Document e : db.getCollection("file_index").find(new Document("activity", "STORED"))) {
        stored.add(e.getString("_id"));
        if (!Long.valueOf(e.get("size", Number.class).longValue()).equals(content.get(e.getString("gridFs_id")))) {
          mismatches.add(e.getString("_id"));
        }
      }
      assertThat(mismatches).as("index entries whose content is missing or of another size").isEmpty();
      assertThat(content.keySet()).as("content without an index entry").isEqualTo(stored);
      assertThat(stored).hasSize(CLIENTS);
      long chunkCount = db.getCollection("files.chunks").countDocuments();
      assertThat(chunkCount).as("no orphan chunks").isEqualTo((long) CLIENTS * ((SIZE + 1024 * 1024 - 1) / (1024 * 1024)));
      System.out.printf("Kill -9 during uploads: attempted %d (%d cut by the kill), acknowledged %d bytes, kept %d,"
          + " lost %d; recovered %d identical stored files, %d index entries = %d contents%n", CLIENTS, cut,
          acknowledgedBytes, keptBytes, acknowledgedBytes - keptBytes, stored.size(), stored.size(), content.size());
    }
  }

  @AfterAll
  static void stop() throws Exception {
    SERVER.stop();
  }
}
