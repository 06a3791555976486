package org.dropcart.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Optional;

/** A real HTTP client for the tests: JDK HttpClient, JSON via Jakarta JSON-P. */
public final class Api {
  private final HttpClient http;
  private final URI base;

  public Api(URL base) {
    this(URI.create(base.toString()));
  }

  public Api(URI base) {
    this(base, HttpClient.Version.HTTP_2);
  }

  /**
   * With HTTP/2 (the JDK's default) the client upgrades the first request on a connection to h2c
   * and multiplexes the rest over it; {@code HTTP_1_1} keeps to one request at a time, as curl
   * and the tus clients do.
   */
  public Api(URI base, HttpClient.Version version) {
    String s = base.toString();
    this.base = URI.create(s.endsWith("/") ? s : s + "/");
    this.http = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(10)).build();
  }

  public URI base() {
    return base;
  }

  /** A response with its body as text and, when it is JSON, parsed. */
  public record Reply(int status, HttpResponse<String> raw) {
    public String body() {
      return raw.body();
    }

    public JsonObject json() {
      return Json.createReader(new StringReader(raw.body())).readObject();
    }

    public JsonArray jsonArray() {
      return Json.createReader(new StringReader(raw.body())).readArray();
    }

    public Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }

    public String contentType() {
      return header("Content-Type").orElse("");
    }

    /** The problem {@code type} without its URN prefix, e.g. {@code invalid-input}. */
    public String problemKind() {
      return json().getString("type").replace("urn:dropcart:problem:", "");
    }

    @Override
    public String toString() {
      return status + " " + raw.body();
    }
  }

  public Reply get(String path, String token) {
    return send(request(path, token).GET());
  }

  public Reply delete(String path, String token) {
    return send(request(path, token).DELETE());
  }

  public Reply post(String path, String json, String token) {
    return send(withJson(request(path, token), "POST", json));
  }

  public Reply put(String path, String json, String token) {
    return send(withJson(request(path, token), "PUT", json));
  }

  public Reply patch(String path, String json, String token) {
    return send(withJson(request(path, token), "PATCH", json));
  }

  public Reply send(String method, String path, String contentType, BodyPublisher body, String token) {
    HttpRequest.Builder b = request(path, token).method(method, body);
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(b);
  }

  public Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(request.build(), BodyHandlers.ofString());
      return new Reply(r.statusCode(), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A GET whose body is kept as bytes (downloads). */
  public HttpResponse<byte[]> getBytes(String path, String token, String... headers) {
    HttpRequest.Builder b = request(path, token).GET();
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    try {
      return http.send(b.build(), BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private static HttpRequest.Builder withJson(HttpRequest.Builder b, String method, String json) {
    return b.header("Content-Type", "application/json")
        .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
  }

  // ---- Dropcart conveniences ------------------------------------------------------------------

  public static String credentials(String username, String password) {
    return Json.createObjectBuilder().add("username", username).add("password", password).build().toString();
  }

  public static String password(String password) {
    return Json.createObjectBuilder().add("password", password).build().toString();
  }

  /** Signs up a new user and returns its access token. */
  public String signUp(String username, String password) {
    Reply r = post("api/auth/signup", credentials(username, password), null);
    if (r.status() != 201) {
      throw new AssertionError("sign-up of " + username + " failed: " + r);
    }
    return r.json().getString("access_token");
  }

  public String logIn(String username, String password) {
    Reply r = put("api/auth/login/" + username, password(password), null);
    if (r.status() != 200) {
      throw new AssertionError("login of " + username + " failed: " + r);
    }
    return r.json().getString("access_token");
  }

  public String adminToken() {
    return logIn("admin", DropcartDeployment.ADMIN_PASSWORD);
  }

  /** Names that do not collide across test classes sharing one data directory. */
  /** A new pool (created by {@code adminToken}) with the given users admitted; returns its id. */
  public String poolWith(String adminToken, String... usernames) {
    Reply created = post("api/pools", "{\"name\":\"" + uniqueName("pool") + "\"}", adminToken);
    if (created.status() != 201) {
      throw new AssertionError("creating a pool failed: " + created);
    }
    String pool = created.json().getString("id");
    for (String username : usernames) {
      Reply admitted = post("api/pools/" + pool + "/members", "{\"username\":\"" + username + "\"}", adminToken);
      if (admitted.status() != 201) {
        throw new AssertionError("admitting " + username + " failed: " + admitted);
      }
    }
    return pool;
  }

  public static String uniqueName(String prefix) {
    return prefix + "-" + Long.toString(System.nanoTime(), 36);
  }

  public static boolean isNull(JsonObject o, String key) {
    return !o.containsKey(key) || o.get(key).getValueType() == JsonValue.ValueType.NULL;
  }
}
