package org.dropcart.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dropcart.support.Carts.body;
import static org.dropcart.support.Carts.head;
import static org.dropcart.support.Carts.post;
import static org.dropcart.support.Carts.status;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.dropcart.support.Api;
import org.dropcart.support.Api.Reply;
import org.dropcart.support.Carts.FileId;
import org.dropcart.support.Eventually;
import org.dropcart.support.FakeArchive;
import org.dropcart.support.FakeArchive.ArchiveFile;
import org.dropcart.support.Launcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A kill -9 while a pre-bundled cart's tar is being written: after the restart the cart is bundled
 * again and ends ready with a whole, correct tar; no download before that is a truncated tar.
 */
class CartCrashIT {
  private static final Launcher SERVER = new Launcher("cart-crash", "cart-crash-admin-password");
  private static final ArchiveFile BIG_1 = new ArchiveFile(400L << 20, (byte) 7, 0, 0, 0);
  private static final ArchiveFile BIG_2 = new ArchiveFile(400L << 20, (byte) 9, 0, 0, 0);

  @AfterAll
  static void stop() throws Exception {
    SERVER.stop();
  }

  @Test
  void aKillDuringBundlingNeverServesATruncatedTar() throws Exception {
    try (FakeArchive archive = new FakeArchive()) {
      archive.put("big-1", BIG_1);
      archive.put("big-2", BIG_2);
      SERVER.wipe();
      int port = Launcher.freePort();
      int brokerPort = Launcher.freePort();
      Map<String, String> env = Map.of("ARCHIVE_INTERFACE_URL", archive.url(), "DROPCART_CARTS_AUTH", "none",
          "DROPCART_CARTS_ARCHIVE_POLL", "PT0.2S");
      Api api = SERVER.start(port, brokerPort, env, true);
      String uid = UUID.randomUUID().toString();
      Reply created = post(api, uid, body(true, new FileId("big-1", "one.bin", "sha256", BIG_1.sha256()),
          new FileId("big-2", "two/two.bin", "sha256", BIG_2.sha256())), null);
      assertThat(created.status()).isEqualTo(201);

      String seen = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (!"bundling".equals(seen) && System.nanoTime() < deadline) {
        seen = status(head(api, uid, null));
        assertThat(seen).isIn("waiting", "staging", "bundling");
        Thread.sleep(20);
      }
      assertThat(seen).isEqualTo("bundling");
      SERVER.killHard();
      try (Stream<Path> files = Files.walk(SERVER.data().resolve("volume/carts"))) {
        assertThat(files.filter(p -> p.getFileName().toString().equals("bundle.tar")))
            .as("no finished tar at the kill").isEmpty();
      }

      api = SERVER.start(port, brokerPort, env, true);
      Api after = api;
      Reply first = head(after, uid, null);
      assertThat(status(first)).isIn("bundling", "ready");
      if ("bundling".equals(status(first))) {
        Reply early = after.get("api/carts/" + uid, null);
        assertThat(early.status()).isEqualTo(202);
        assertThat(early.body()).isEqualTo("The cart is not ready for download.");
      }
      Reply ready = Eventually.await("the cart ready again", Duration.ofSeconds(120), () -> head(after, uid, null),
          r -> !"bundling".equals(status(r)));
      assertThat(status(ready)).as(ready.header("X-Pacifica-Message").orElse("")).isEqualTo("ready");

      Map<String, String> hashes = new LinkedHashMap<>();
      HttpResponse<InputStream> download = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(after.base().resolve("api/carts/" + uid)).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      assertThat(download.statusCode()).isEqualTo(200);
      long length = Long.parseLong(download.headers().firstValue("Content-Length").orElseThrow());
      try (TarArchiveInputStream tar = new TarArchiveInputStream(download.body())) {
        for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
          MessageDigest d = MessageDigest.getInstance("SHA-256");
          long n = new DigestInputStream(tar, d).transferTo(java.io.OutputStream.nullOutputStream());
          assertThat(n).isEqualTo(e.getSize());
          hashes.put(e.getName(), HexFormat.of().formatHex(d.digest()));
        }
      }
      assertThat(length).isGreaterThan(BIG_1.size() + BIG_2.size());
      assertThat(hashes).containsExactly(Map.entry(uid + "/one.bin", BIG_1.sha256()),
          Map.entry(uid + "/two/two.bin", BIG_2.sha256()));
      assertThat(after.delete("api/carts/" + uid, null).status()).isEqualTo(200);
    }
  }
}
