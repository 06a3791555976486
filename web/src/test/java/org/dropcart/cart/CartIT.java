package org.dropcart.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dropcart.support.Carts.assertCartdError;
import static org.dropcart.support.Carts.awaitFinished;
import static org.dropcart.support.Carts.body;
import static org.dropcart.support.Carts.entries;
import static org.dropcart.support.Carts.head;
import static org.dropcart.support.Carts.post;
import static org.dropcart.support.Carts.status;
import static org.dropcart.support.Carts.stored;

import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dropcart.support.Api;
import org.dropcart.support.Api.Reply;
import org.dropcart.support.Carts.FileId;
import org.dropcart.support.DropcartDeployment;
import org.dropcart.support.Tus;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Carts over Dropcart's own store, as a Pacifica cartd client sees them: create, status by HEAD,
 * download (streamed and pre-bundled, with Range), replace, delete; cartd's bodies for every error;
 * the files compared byte for byte; who may see and fill which cart.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CartIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return DropcartDeployment.war();
  }

  @ArquillianResource private URL base;

  private static final String PASSWORD = "cart-password-1";
  private Api api;
  private String alice;
  private String pool;
  private byte[] a;
  private byte[] b;
  private String fileA;
  private String fileB;

  @BeforeEach
  void aliceHasTwoStoredFiles() {
    api = new Api(base);
    String admin = api.adminToken();
    String name = Api.uniqueName("carter");
    alice = api.signUp(name, PASSWORD);
    pool = api.poolWith(admin, name);
    a = "t,v\n1,alpha\n".repeat(300).getBytes(StandardCharsets.UTF_8);
    b = "t,v\n2,beta\n".repeat(7000).getBytes(StandardCharsets.UTF_8);
    fileA = stored(api, alice, pool, "a.csv", a);
    fileB = stored(api, alice, pool, "b.csv", b);
  }

  private static String uid() {
    return UUID.randomUUID().toString();
  }

  private static String hex(String algorithm, byte[] bytes) {
    return HexFormat.of().formatHex(Tus.digest(algorithm, bytes));
  }

  @Test
  void aCartIsStagedVerifiedAndStreamedAsATarOfTheRequestedFiles() throws Exception {
    Reply up = api.get("api/carts/", null);
    assertThat(up.status()).isEqualTo(200);
    assertThat(up.json().getString("message")).isEqualTo("Pacifica Cartd Interface Up and Running");

    String uid = uid();
    Reply created = post(api, uid, body(null,
        new FileId(fileA, "1/2/3/a.csv", "md5", hex("MD5", a)),
        new FileId(fileB, "2/3/4/b.csv", "sha256", hex("SHA-256", b))), alice);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().getString("message")).isEqualTo("Cart Processing has begun");

    Reply ready = awaitFinished(api, uid, alice);
    assertThat(ready.status()).as(ready.raw().headers().map().toString()).isEqualTo(204);
    assertThat(status(ready)).isEqualTo("ready");
    assertThat(ready.header("X-Pacifica-Message")).contains("");

    HttpResponse<byte[]> named = api.getBytes("api/carts/" + uid + "?filename=my_cart.tar", alice);
    assertThat(named.statusCode()).isEqualTo(200);
    assertThat(named.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"my_cart.tar\"");
    Map<String, byte[]> tar = entries(named.body());
    assertThat(tar.keySet()).containsExactly("my_cart/1/2/3/a.csv", "my_cart/2/3/4/b.csv");
    assertThat(tar.get("my_cart/1/2/3/a.csv")).isEqualTo(a);
    assertThat(tar.get("my_cart/2/3/4/b.csv")).isEqualTo(b);

    HttpResponse<byte[]> unnamed = api.getBytes("api/carts/" + uid, alice);
    String disposition = unnamed.headers().firstValue("Content-Disposition").orElseThrow();
    assertThat(disposition).matches("attachment; filename=\"data_\\d{4}_\\d{2}_\\d{2}_\\d{2}_\\d{2}_\\d{2}\\.tar\"");
    String top = disposition.substring(disposition.indexOf("data_"), disposition.length() - ".tar\"".length());
    assertThat(entries(unnamed.body()).keySet()).containsExactly(top + "/1/2/3/a.csv", top + "/2/3/4/b.csv");

    for (String bad : List.of("a%2Fb.tar", "..%5Cx.tar", "x%0Ay.tar", "%22q%22.tar")) {
      assertCartdError(api.get("api/carts/" + uid + "?filename=" + bad, alice), 400, null);
    }

    // Listed among alice's carts, with its size.
    Reply mine = api.get("api/carts", alice);
    assertThat(mine.status()).isEqualTo(200);
    var listed = mine.json().getJsonArray("items").stream().map(v -> v.asJsonObject())
        .filter(c -> c.getString("uid").equals(uid)).findFirst().orElseThrow();
    assertThat(listed.getString("status")).isEqualTo("ready");
    assertThat(listed.getJsonNumber("size").longValue()).isEqualTo(a.length + b.length);
    assertThat(listed.getInt("files")).isEqualTo(2);

    // Deleting removes the cart and its bytes on the volume.
    Set<Path> before = cartDirectories();
    Reply deleted = api.delete("api/carts/" + uid, alice);
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().getString("message")).isEqualTo("Cart Deleted Successfully");
    assertThat(before).hasSizeGreaterThan(cartDirectories().size());
    assertThat(head(api, uid, alice).status()).isEqualTo(404);
    assertCartdError(api.delete("api/carts/" + uid, alice), 404, "Not Found");
  }

  @Test
  void aPreBundledCartServesItsTarWithUidEntriesLongNamesAndRanges() throws Exception {
    String uid = uid();
    String longPath = "deep/" + "directory-name-that-is-long/".repeat(6) + "b.csv";
    assertThat(longPath.length()).isGreaterThan(100);
    Reply created = post(api, uid, body(true,
        new FileId(fileA, "a.csv", "sha1", hex("SHA-1", a)),
        new FileId(fileB, longPath, "sha512", hex("SHA-512", b))), alice);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(status(awaitFinished(api, uid, alice))).isEqualTo("ready");

    HttpResponse<byte[]> whole = api.getBytes("api/carts/" + uid + "?filename=bundle.tar", alice);
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");
    assertThat(whole.headers().firstValue("Content-Length")).contains(Integer.toString(whole.body().length));
    Map<String, byte[]> tar = entries(whole.body());
    assertThat(tar.keySet()).containsExactly(uid + "/a.csv", uid + "/" + longPath);
    assertThat(tar.get(uid + "/a.csv")).isEqualTo(a);
    assertThat(tar.get(uid + "/" + longPath)).isEqualTo(b);

    int size = whole.body().length;
    HttpResponse<byte[]> part = api.getBytes("api/carts/" + uid, alice, "Range", "bytes=1000-2999");
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.headers().firstValue("Content-Range")).contains("bytes 1000-2999/" + size);
    assertThat(part.body()).isEqualTo(Arrays.copyOfRange(whole.body(), 1000, 3000));
    HttpResponse<byte[]> beyond = api.getBytes("api/carts/" + uid, alice, "Range", "bytes=" + size + "-");
    assertThat(beyond.statusCode()).isEqualTo(416);
    assertThat(beyond.headers().firstValue("Content-Range")).contains("bytes */" + size);
  }

  @Test
  void aWrongHashOrAMissingFilePutsTheCartInErrorNamingTheFile() {
    String wrong = uid();
    assertThat(post(api, wrong, body(false,
        new FileId(fileA, "a.csv", "md5", hex("MD5", a)),
        new FileId(fileB, "b.csv", "md5", hex("MD5", a))), alice).status()).isEqualTo(201);
    Reply failed = awaitFinished(api, wrong, alice);
    assertThat(failed.status()).isEqualTo(500);
    assertThat(status(failed)).isEqualTo("error");
    assertThat(failed.header("X-Pacifica-Message").orElseThrow())
        .contains(fileB).contains("File hash does not match provided hash");
    Reply notReady = api.get("api/carts/" + wrong, alice);
    assertThat(notReady.status()).isEqualTo(202);
    assertThat(notReady.body()).isEqualTo("The cart is not ready for download.");

    String missing = uid();
    assertThat(post(api, missing, body(false, new FileId("no-such-file", "x.csv", "md5", "")), alice).status())
        .isEqualTo(201);
    Reply gone = awaitFinished(api, missing, alice);
    assertThat(status(gone)).isEqualTo("error");
    assertThat(gone.header("X-Pacifica-Message").orElseThrow()).startsWith("Failed to pull file(no-such-file");
  }

  @Test
  void unknownCartsAndBadRequestsGetCartdsAnswers() {
    String unknown = uid();
    Reply h = head(api, unknown, alice);
    assertThat(h.status()).isEqualTo(404);
    assertThat(status(h)).isEqualTo("error");
    assertThat(h.header("X-Pacifica-Message")).contains("No cart with uid " + unknown + " found");
    assertCartdError(api.get("api/carts/" + unknown, alice), 404, "The cart does not exist or has already been deleted");
    assertCartdError(api.delete("api/carts/" + unknown, alice), 404, "Not Found");

    for (String bad : List.of("not json", "{}", "{\"fileids\":[{\"id\":\"x\"}]}",
        body(null, new FileId(fileA, "../escape.csv", "md5", "")),
        body(null, new FileId(fileA, "/etc/passwd", "md5", "")),
        body(null, new FileId(fileA, "a\u0000b", "md5", "")),
        body(null, new FileId(fileA, "a.csv", "md5", "123")))) {
      assertCartdError(post(api, unknown, bad, alice), 400, null);
    }
    assertThat(head(api, unknown, alice).status()).as("a refused request makes no cart").isEqualTo(404);

    assertCartdError(post(api, unknown, body(null), null), 401, null);
    assertCartdError(api.get("api/carts/" + unknown, null), 401, null);
  }

  @Test
  void aRepostReplacesTheCartAndOnlyItsOwnerOrAnAdminSeesIt() throws Exception {
    String uid = uid();
    // Whatever the Content-Type says (none; a form, as curl -d sends), the body is the cart request.
    Reply first = api.send("POST", "api/carts/" + uid, null,
        BodyPublishers.ofString(body(null, new FileId(fileA, "first.csv", "md5", ""))), alice);
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(status(awaitFinished(api, uid, alice))).isEqualTo("ready");
    Reply second = api.send("POST", "api/carts/" + uid, "application/x-www-form-urlencoded",
        BodyPublishers.ofString(body(null, new FileId(fileB, "second.csv", "md5", ""))), alice);
    assertThat(second.status()).as(second.toString()).isEqualTo(201);
    assertThat(status(awaitFinished(api, uid, alice))).isEqualTo("ready");
    assertThat(entries(api.getBytes("api/carts/" + uid + "?filename=c.tar", alice).body()))
        .containsOnlyKeys("c/second.csv");

    String bobName = Api.uniqueName("stranger");
    String bob = api.signUp(bobName, PASSWORD);
    assertCartdError(api.get("api/carts/" + uid, bob), 403, null);
    assertThat(head(api, uid, bob).status()).isEqualTo(403);
    assertCartdError(api.delete("api/carts/" + uid, bob), 403, null);
    assertCartdError(post(api, uid, body(null), bob), 403, null);
    assertThat(api.get("api/carts", bob).json().getJsonArray("items").stream()
        .map(v -> v.asJsonObject().getString("uid"))).doesNotContain(uid);
    assertThat(head(api, uid, api.adminToken()).status()).isEqualTo(204);

    // bob may not put alice's stored file into a cart of his own.
    String his = uid();
    assertThat(post(api, his, body(null, new FileId(fileA, "a.csv", "md5", "")), bob).status()).isEqualTo(201);
    Reply refused = awaitFinished(api, his, bob);
    assertThat(status(refused)).isEqualTo("error");
    assertThat(refused.header("X-Pacifica-Message").orElseThrow()).startsWith("Failed to pull file(" + fileA);
  }

  private static Set<Path> cartDirectories() throws Exception {
    Path carts = DropcartDeployment.dataDirectory().resolve("volume/carts");
    if (!Files.isDirectory(carts)) {
      return Set.of();
    }
    try (Stream<Path> dirs = Files.list(carts)) {
      return dirs.collect(Collectors.toSet());
    }
  }
}
