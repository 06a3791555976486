package org.dropcart.cli;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The Dropcart HTTP API as the CLI uses it: the JDK's {@link HttpClient}, the bearer token on every
 * request, bodies read as text and parsed with JSON-P. A status the caller did not expect becomes a
 * {@link CliException} carrying the server's message and the exit code of its class; a transport
 * failure becomes {@link ExitCode#NETWORK}.
 */
public final class Api {
  private static final Duration TIMEOUT = Duration.ofMinutes(10);
  private final HttpClient http;
  private final URI base;
  private final String token;

  public Api(URI base, String token) {
    String s = base.toString();
    this.base = URI.create(s.endsWith("/") ? s : s + "/");
    this.token = token;
    this.http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  public URI base() {
    return base;
  }

  public String token() {
    return token;
  }

  /** An answer with its body as text. */
  public record Reply(int status, HttpHeaders headers, String body) {
    public JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }

    public JsonArray jsonArray() {
      return Json.createReader(new StringReader(body)).readArray();
    }

    public JsonStructure jsonStructure() {
      return Json.createReader(new StringReader(body)).read();
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  public Reply get(String path, int... ok) {
    return expect(send(request(path).GET()), ok);
  }

  public Reply delete(String path, int... ok) {
    return expect(send(request(path).DELETE()), ok);
  }

  public Reply head(String path, int... ok) {
    return expect(send(request(path).method("HEAD", BodyPublishers.noBody())), ok);
  }

  public Reply postJson(String path, JsonStructure body, int... ok) {
    return expect(send(json(request(path), "POST", body)), ok);
  }

  public Reply putJson(String path, JsonStructure body, int... ok) {
    return expect(send(json(request(path), "PUT", body)), ok);
  }

  public Reply post(String path, String contentType, BodyPublisher body, int... ok) {
    HttpRequest.Builder b = request(path).POST(body);
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return expect(send(b), ok);
  }

  /** A request to {@code path} (relative to the base URL) with the bearer token. */
  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
        .header("User-Agent", "dropcart-cli/" + Dropcart.version());
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  public Reply send(HttpRequest.Builder request) {
    HttpResponse<String> r = exchange(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Reply(r.statusCode(), r.headers(), r.body());
  }

  /** A streamed answer (downloads); the caller closes the body. Failures are read and thrown. */
  public HttpResponse<InputStream> stream(HttpRequest.Builder request, int... ok) {
    HttpResponse<InputStream> r = exchange(request, BodyHandlers.ofInputStream());
    for (int s : ok) {
      if (r.statusCode() == s) {
        return r;
      }
    }
    String body;
    try (InputStream in = r.body()) {
      body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
    } catch (IOException e) {
      body = "";
    }
    throw CliException.http(r.statusCode(), body);
  }

  private <T> HttpResponse<T> exchange(HttpRequest.Builder request, BodyHandler<T> handler) {
    HttpRequest built = request.build();
    try {
      return http.send(built, handler);
    } catch (IOException e) {
      throw network(built.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCode.NETWORK, "interrupted");
    }
  }

  static CliException network(URI uri, IOException e) {
    String host = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    String why;
    if (e instanceof ConnectException || e instanceof HttpConnectTimeoutException) {
      why = "cannot connect to " + host;
    } else if (e instanceof HttpTimeoutException) {
      why = "no answer from " + host + " in time";
    } else if (e.getCause() instanceof java.nio.channels.UnresolvedAddressException
        || e instanceof java.net.UnknownHostException) {
      why = "unknown host " + uri.getHost();
    } else {
      why = "connection to " + host + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
    return new CliException(ExitCode.NETWORK, why, e);
  }

  static Reply expect(Reply r, int... ok) {
    if (ok.length == 0) {
      if (r.status() >= 200 && r.status() < 300) {
        return r;
      }
    } else {
      for (int s : ok) {
        if (r.status() == s) {
          return r;
        }
      }
    }
    throw CliException.http(r.status(), r.body());
  }

  private static HttpRequest.Builder json(HttpRequest.Builder b, String method, JsonStructure body) {
    return b.header("Content-Type", "application/json").header("Accept", "application/json")
        .method(method, BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
  }

  /** One path segment, percent-encoded. */
  public static String segment(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A query string from name/value pairs, skipping null values; empty when there are none. */
  public static String query(Map<String, ?> params) {
    StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
    params.forEach((k, v) -> {
      if (v != null) {
        q.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v.toString(), StandardCharsets.UTF_8));
      }
    });
    return q.toString();
  }
}
