package org.dropcart.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dropcart.support.Carts.awaitFinished;
import static org.dropcart.support.Carts.body;
import static org.dropcart.support.Carts.entries;
import static org.dropcart.support.Carts.head;
import static org.dropcart.support.Carts.post;
import static org.dropcart.support.Carts.status;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dropcart.support.Api;
import org.dropcart.support.Api.Reply;
import org.dropcart.support.Carts.FileId;
import org.dropcart.support.Eventually;
import org.dropcart.support.FakeArchive;
import org.dropcart.support.FakeArchive.ArchiveFile;
import org.dropcart.support.Groups;
import org.dropcart.support.Launcher;
import org.dropcart.support.Tus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Carts over a Pacifica archive interface (a fake one in the test), configured with cartd's own
 * environment names (ARCHIVE_INTERFACE_URL, VOLUME_PATH, LRU_BUFFER_TIME) and open carts
 * ({@code dropcart.carts.auth=none}), as existing Pacifica clients expect: files staged from tape,
 * slow, flaky, with a wrong hash, missing; bounded parallel fetches; and a small cart capacity that
 * forces least-recently-used purging.
 */
class CartArchiveIT {
  private static final Launcher SERVER = new Launcher("cart-archive", "cart-archive-admin-password");
  private static final int BUFFER_SECONDS = 3;
  private static final long FILE = 30_000;

  @AfterAll
  static void stop() throws Exception {
    SERVER.stop();
  }

  @Test
  void cartdClientsGetTheirFilesFromTheArchiveAndTheLeastRecentlyUsedCartsMakeRoom() throws Exception {
    try (FakeArchive archive = new FakeArchive()) {
      archive.put("101", new ArchiveFile(FILE, (byte) 1, 2, 0, 0));
      archive.put("102", new ArchiveFile(FILE, (byte) 2, 0, 1500, 0)); // slow
      archive.put("103", new ArchiveFile(FILE, (byte) 3, 0, 0, 1)); // one 500 first
      for (int i = 0; i < 6; i++) {
        archive.put("p" + i, new ArchiveFile(2000, (byte) (10 + i), 0, 600, 0));
      }
      for (String id : new String[] {"A", "B", "C", "D", "E"}) {
        archive.put(id, new ArchiveFile(FILE, (byte) id.charAt(0), 0, 0, 0));
      }
      SERVER.wipe();
      Path volume = SERVER.data().resolve("pacifica-volume"); // not the default volume/
      Map<String, String> env = Map.of(
          "ARCHIVE_INTERFACE_URL", archive.url(),
          "VOLUME_PATH", volume.toString(),
          "LRU_BUFFER_TIME", Integer.toString(BUFFER_SECONDS),
          "DROPCART_CARTS_AUTH", "none",
          "DROPCART_CARTS_FETCH_THREADS", "2",
          "DROPCART_CARTS_ARCHIVE_POLL", "PT0.2S",
          "DROPCART_CARTS_CAPACITY", "100000",
          "DROPCART_CARTS_HIGH_WATER", "50",
          "DROPCART_CARTS_PURGE_INTERVAL", "off");
      Api api = SERVER.start(Launcher.freePort(), Launcher.freePort(), env, true);

      // Staged from tape, slow, and after a 500: all three verified and in the tar.
      String uid = UUID.randomUUID().toString();
      ArchiveFile f101 = new ArchiveFile(FILE, (byte) 1, 2, 0, 0);
      ArchiveFile f102 = new ArchiveFile(FILE, (byte) 2, 0, 1500, 0);
      ArchiveFile f103 = new ArchiveFile(FILE, (byte) 3, 0, 0, 1);
      Reply created = post(api, uid, body(null,
          new FileId(101, "1/2/3/foo.txt", "md5", hex("MD5", f101.bytes())),
          new FileId(102, "1/2/3/bar.csv", "sha1", hex("SHA-1", f102.bytes())),
          new FileId(103, "2/3/4/baz.ini", "md5", "")), null);
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      var seen = new CopyOnWriteArrayList<String>();
      Reply ready = Eventually.await("cart ready", Duration.ofSeconds(60), () -> {
        Reply h = head(api, uid, null);
        seen.add(status(h));
        return h;
      }, h -> "ready".equals(status(h)) || "error".equals(status(h)));
      assertThat(status(ready)).as(ready.header("X-Pacifica-Message").orElse("")).isEqualTo("ready");
      assertThat(seen).as("the slow file keeps the cart staging for a while").contains("staging");
      Map<String, byte[]> tar = entries(api.getBytes("api/carts/" + uid + "?filename=foo.tar", null).body());
      assertThat(tar.keySet()).containsExactly("foo/1/2/3/foo.txt", "foo/1/2/3/bar.csv", "foo/2/3/4/baz.ini");
      assertThat(tar.get("foo/1/2/3/foo.txt")).isEqualTo(f101.bytes());
      assertThat(tar.get("foo/1/2/3/bar.csv")).isEqualTo(f102.bytes());
      assertThat(tar.get("foo/2/3/4/baz.ini")).isEqualTo(f103.bytes());
      assertThat(archive.stagings()).as("every file was asked to be staged").isGreaterThanOrEqualTo(3);
      try (var onVolume = Files.walk(volume.resolve("carts"))) {
        assertThat(onVolume.filter(p -> p.endsWith("foo.txt")).count()).as("staged under VOLUME_PATH").isEqualTo(1);
      }
      assertThat(api.delete("api/carts/" + uid, null).status()).isEqualTo(200); // 90 of the 100 kB free again

      // A wrong hash and a missing file: error, naming the file.
      String wrong = UUID.randomUUID().toString();
      post(api, wrong, body(null, new FileId(101, "a", "sha256", "0".repeat(64))), null);
      Reply bad = awaitFinished(api, wrong, null);
      assertThat(bad.status()).isEqualTo(500);
      assertThat(bad.header("X-Pacifica-Message").orElseThrow())
          .startsWith("Failed to pull file(101").contains("File hash does not match provided hash");
      String missing = UUID.randomUUID().toString();
      post(api, missing, body(null, new FileId(999, "a", "md5", "")), null);
      Reply gone = awaitFinished(api, missing, null);
      assertThat(status(gone)).isEqualTo("error");
      assertThat(gone.header("X-Pacifica-Message").orElseThrow()).startsWith("Failed to pull file(999");
      archive.put("short", new ArchiveFile(1000, (byte) 5, 0, 0, 0));
      archive.announce("short", 1500);
      String cut = UUID.randomUUID().toString();
      post(api, cut, body(null, new FileId("short", "s", "md5", "")), null);
      Reply shortened = awaitFinished(api, cut, null);
      assertThat(status(shortened)).isEqualTo("error");
      assertThat(shortened.header("X-Pacifica-Message").orElseThrow())
          .startsWith("Failed to pull file(short").contains("got 1000 bytes where 1500 were announced");
      for (String id : new String[] {wrong, missing, cut}) {
        assertThat(api.delete("api/carts/" + id, null).status()).isEqualTo(200);
      }

      // Six slow files with two fetch threads: never more than two at once, but two.
      String parallel = UUID.randomUUID().toString();
      FileId[] six = new FileId[6];
      for (int i = 0; i < 6; i++) {
        six[i] = new FileId("p" + i, "p/" + i, "md5", "");
      }
      post(api, parallel, body(null, six), null);
      assertThat(status(awaitFinished(api, parallel, null))).isEqualTo("ready");
      assertThat(archive.maxConcurrentGets()).isEqualTo(2);
      assertThat(api.delete("api/carts/" + parallel, null).status()).isEqualTo(200);

      // LRU: three 30 kB carts fill 90 of 100 kB. A downloaded after B and C became ready.
      String a = readyCart(api, "A");
      String b = readyCart(api, "B");
      String c = readyCart(api, "C");
      Thread.sleep(BUFFER_SECONDS * 1000L + 500);
      assertThat(api.getBytes("api/carts/" + a, null).statusCode()).isEqualTo(200);
      Thread.sleep(BUFFER_SECONDS * 1000L + 500);
      String d = readyCart(api, "D"); // B was the least recently used: it goes
      assertThat(head(api, b, null).status()).isEqualTo(404);
      assertThat(head(api, a, null).status()).isEqualTo(204);
      assertThat(head(api, c, null).status()).isEqualTo(204);

      // Everything used within the buffer time: nothing may go.
      assertThat(api.getBytes("api/carts/" + c, null).statusCode()).isEqualTo(200);
      assertThat(api.getBytes("api/carts/" + a, null).statusCode()).isEqualTo(200);
      String e = UUID.randomUUID().toString();
      post(api, e, body(null, new FileId("E", "E", "md5", "")), null);
      Reply full = awaitFinished(api, e, null);
      assertThat(status(full)).isEqualTo("error");
      assertThat(full.header("X-Pacifica-Message")).contains("Not enough space to download file");

      // Once the buffer time has passed, the least recently used (D, made ready before C and A were read) goes.
      Thread.sleep(BUFFER_SECONDS * 1000L + 500);
      post(api, e, body(null, new FileId("E", "E", "md5", "")), null);
      assertThat(status(awaitFinished(api, e, null))).isEqualTo("ready");
      assertThat(head(api, d, null).status()).isEqualTo(404);
      assertThat(head(api, a, null).status()).isEqualTo(204);
      assertThat(head(api, c, null).status()).isEqualTo(204);

      // Open carts: anyone lists them, without a token.
      Reply list = api.get("api/carts", null);
      assertThat(list.status()).isEqualTo(200);
      assertThat(list.json().getJsonArray("items").stream().map(v -> v.asJsonObject().getString("uid")))
          .contains(a, c, e).doesNotContain(b, d);

      // lru-purge brings carts under the high-water mark (50 of 100 kB): C, then A; E is within its buffer.
      String admin = api.logIn("admin", "cart-archive-admin-password");
      JsonObject run = Groups.runJob(api, admin, "lru-purge", "");
      assertThat(Groups.stepExit(run, "purge-carts")).isEqualTo("PURGED 2 carts");
      assertThat(head(api, c, null).status()).isEqualTo(404);
      assertThat(head(api, a, null).status()).isEqualTo(404);
      assertThat(head(api, e, null).status()).isEqualTo(204);

      // Deleting a cart while a slow file is fetched stops the work and leaves nothing on the volume.
      String doomed = UUID.randomUUID().toString();
      post(api, doomed, body(null, new FileId(102, "slow", "md5", ""), new FileId(101, "fast", "md5", "")), null);
      Eventually.await("staging", Duration.ofSeconds(30), () -> status(head(api, doomed, null)), "staging"::equals);
      assertThat(api.delete("api/carts/" + doomed, null).status()).isEqualTo(200);
      assertThat(head(api, doomed, null).status()).isEqualTo(404);
      Eventually.await("the deleted cart's files gone once its slow fetch ends", Duration.ofSeconds(20), () -> {
        try (var dirs = Files.list(volume.resolve("carts"))) {
          return dirs.count();
        } catch (java.io.IOException ex) {
          throw new java.io.UncheckedIOException(ex);
        }
      }, n -> n == 1); // E's directory only
    }
  }

  private static String readyCart(Api api, String id) {
    String uid = UUID.randomUUID().toString();
    assertThat(post(api, uid, body(null, new FileId(id, id + ".bin", "md5", "")), null).status()).isEqualTo(201);
    Reply r = awaitFinished(api, uid, null);
    assertThat(status(r)).as(r.header("X-Pacifica-Message").orElse("")).isEqualTo("ready");
    return uid;
  }

  private static String hex(String algorithm, byte[] bytes) {
    return HexFormat.of().formatHex(Tus.digest(algorithm, bytes));
  }
}
