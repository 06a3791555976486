package org.dropcart.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.dropcart.support.Api.Reply;

/** tus 1.0.0 requests by hand (for what the official client cannot send), and what the tests check after them. */
public final class Tus {
  private Tus() {}

  /** An {@code Upload-Metadata} header from key/value pairs. */
  public static String metadata(String... keyValues) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      values.put(keyValues[i], keyValues[i + 1]);
    }
    return values.entrySet().stream()
        .map(e -> e.getKey() + " " + b64(e.getValue().getBytes(StandardCharsets.UTF_8)))
        .collect(Collectors.joining(","));
  }

  public static Reply createReply(Api api, String token, long length, String metadata) {
    return api.send(api.request("api/upload/", token).header("Tus-Resumable", "1.0.0")
        .header("Upload-Length", Long.toString(length)).header("Upload-Metadata", metadata)
        .POST(BodyPublishers.noBody()));
  }

  public static String create(Api api, String token, long length, String metadata) {
    Reply r = createReply(api, token, length, metadata);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.header("Location").orElseThrow();
  }

  public static Reply patch(Api api, String location, String token, long offset, byte[] bytes, String checksum) {
    HttpRequest.Builder b = api.request(location, token).header("Tus-Resumable", "1.0.0")
        .header("Upload-Offset", Long.toString(offset)).header("Content-Type", "application/offset+octet-stream")
        .method("PATCH", BodyPublishers.ofByteArray(bytes));
    if (checksum != null) {
      b.header("Upload-Checksum", checksum);
    }
    return api.send(b);
  }

  /** Creates an upload and sends all of it in one PATCH; returns its location. */
  public static String upload(Api api, String token, byte[] bytes, String metadata) {
    String location = create(api, token, bytes.length, metadata);
    if (bytes.length > 0) {
      Reply r = patch(api, location, token, 0, bytes, null);
      assertThat(r.status()).as(r.toString()).isEqualTo(204);
    }
    return location;
  }

  public static Reply head(Api api, String location, String token) {
    return api.send(api.request(location, token).header("Tus-Resumable", "1.0.0")
        .method("HEAD", BodyPublishers.noBody()));
  }

  public static long headOffset(Api api, String location, String token) {
    Reply r = head(api, location, token);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return Long.parseLong(r.header("Upload-Offset").orElseThrow());
  }

  public static String idOf(String location) {
    return location.substring(location.lastIndexOf('/') + 1);
  }

  /** The file index entry named {@code fileName}, once the store pipeline has settled it. */
  public static JsonObject awaitSettled(Api api, String token, String poolId, String fileName) {
    return Eventually.await("file " + fileName + " settled", Duration.ofSeconds(60),
        () -> api.get("api/pools/" + poolId + "/files?size=500", token).json().getJsonArray("items").stream()
            .map(v -> v.asJsonObject()).filter(f -> f.getString("fileName").equals(fileName)).findFirst()
            .orElse(null),
        f -> f != null);
  }

  public static Path partialFile(String uploadId) {
    return DropcartDeployment.dataDirectory().resolve("volume/uploads/" + uploadId + ".part");
  }

  public static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  public static byte[] digest(String algorithm, byte[] bytes) {
    try {
      return MessageDigest.getInstance(algorithm).digest(bytes);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest("SHA-256", bytes));
  }

  public static String sha256(Path file) throws Exception {
    MessageDigest d = MessageDigest.getInstance("SHA-256");
    try (var in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        d.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(d.digest());
  }
}
