package org.dropcart.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.dropcart.support.Api.Reply;

/** Pacifica cartd's client side: cart requests, status by HEAD, and the downloaded tar's entries. */
public final class Carts {
  private Carts() {}

  /** One requested file: source id, path in the cart, hash type and sum (empty: no check). */
  public record FileId(Object id, String path, String hashtype, String hashsum) {}

  public static String body(Boolean bundle, FileId... files) {
    JsonArrayBuilder ids = Json.createArrayBuilder();
    for (FileId f : files) {
      var o = Json.createObjectBuilder();
      if (f.id() instanceof Number n) {
        o.add("id", n.longValue());
      } else {
        o.add("id", String.valueOf(f.id()));
      }
      ids.add(o.add("path", f.path()).add("hashtype", f.hashtype()).add("hashsum", f.hashsum()));
    }
    var body = Json.createObjectBuilder().add("fileids", ids);
    if (bundle != null) {
      body.add("bundle", bundle);
    }
    return body.build().toString();
  }

  /** POSTs the body as {@code curl --upload-file} does: no JSON media type. */
  public static Reply post(Api api, String uid, String body, String token) {
    return api.send("POST", "api/carts/" + uid, "application/octet-stream", BodyPublishers.ofString(body), token);
  }

  public static Reply head(Api api, String uid, String token) {
    return api.send(api.request("api/carts/" + uid, token).method("HEAD", BodyPublishers.noBody()));
  }

  public static String status(Reply head) {
    return head.header("X-Pacifica-Status").orElse(null);
  }

  /** HEADs the cart until it is ready or in error; returns that last HEAD. */
  public static Reply awaitFinished(Api api, String uid, String token) {
    return Eventually.await("cart " + uid + " finished", Duration.ofSeconds(90), () -> head(api, uid, token),
        r -> "ready".equals(status(r)) || "error".equals(status(r)));
  }

  /** The tar's regular entries in order, name → bytes. */
  public static Map<String, byte[]> entries(byte[] tar) throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.isFile()) {
          entries.put(e.getName(), in.readAllBytes());
        }
      }
    }
    return entries;
  }

  /** cartd's error body: {@code {"status": "404 Not Found", "message", "traceback": "", "version"}}, never a stack trace. */
  public static void assertCartdError(Reply r, int status, String message) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.contentType()).as(r.toString()).startsWith("application/json");
    var body = r.json();
    assertThat(body.getString("status")).startsWith(status + " ");
    if (message != null) {
      assertThat(body.getString("message")).isEqualTo(message);
    } else {
      assertThat(body.getString("message")).isNotBlank();
    }
    assertThat(body.getString("traceback")).isEmpty();
    assertThat(body.getString("version")).isNotBlank();
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  /** Uploads bytes into the pool and waits until they are stored; returns the stored file's name. */
  public static String stored(Api api, String token, String pool, String filename, byte[] bytes) {
    String name = Tus.idOf(Tus.upload(api, token, bytes, Tus.metadata("pool", pool, "filename", filename)));
    var entry = Tus.awaitSettled(api, token, pool, name);
    assertThat(entry.getString("activity")).as(entry.toString()).isEqualTo("STORED");
    return name;
  }
}
