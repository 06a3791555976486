package org.dropcart.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The {@link HttpURLConnection} the official tus client is given, carried out by the JDK's
 * {@link HttpClient}. Why: the tus client sends {@code Expect: 100-continue} on every PATCH, and
 * {@code HttpURLConnection} then waits up to five seconds for a {@code 100 Continue} that Payara
 * does not send before it streams the body — five idle seconds per request. Here the body streams
 * at once (the header is dropped), PATCH is sent as PATCH, and the request body is streamed through
 * a small bounded queue while the client writes it.
 */
final class JdkHttpConnection extends HttpURLConnection {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  /** Headers HttpClient sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
  private static final byte[] EOF = new byte[0];

  private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private BlockingQueue<byte[]> pipe;
  private CompletableFuture<HttpResponse<byte[]>> pending;
  private HttpResponse<byte[]> response;

  private JdkHttpConnection(URL url) {
    super(url);
  }

  /** A URL whose connections are made by this class. */
  static URL url(String spec) throws MalformedURLException {
    return new URL(null, spec, HANDLER);
  }

  private static final URLStreamHandler HANDLER = new URLStreamHandler() {
    @Override
    protected URLConnection openConnection(URL u) {
      return new JdkHttpConnection(u);
    }

    @Override
    protected int getDefaultPort() {
      return 80;
    }
  };

  @Override
  public void setRequestMethod(String method) {
    this.method = method.toUpperCase(Locale.ROOT);
  }

  @Override
  public void setRequestProperty(String key, String value) {
    headers.put(key, new ArrayList<>(List.of(value)));
  }

  @Override
  public void addRequestProperty(String key, String value) {
    headers.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
  }

  @Override
  public String getRequestProperty(String key) {
    List<String> v = headers.get(key);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  @Override
  public void connect() {
    connected = true;
  }

  @Override
  public OutputStream getOutputStream() throws IOException {
    if (pending == null) {
      pipe = new ArrayBlockingQueue<>(16);
      pending = HTTP.sendAsync(request(HttpRequest.BodyPublishers.ofInputStream(() -> new QueueInput(pipe))),
          HttpResponse.BodyHandlers.ofByteArray());
    }
    return new OutputStream() {
      private boolean closed;

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        if (len > 0) {
          put(Arrays.copyOfRange(b, off, off + len));
        }
      }

      @Override
      public void close() throws IOException {
        if (!closed) {
          closed = true;
          put(EOF);
        }
      }
    };
  }

  private void put(byte[] chunk) throws IOException {
    try {
      while (!pipe.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
        if (pending.isDone()) {
          throw new IOException("the server answered before the request body was sent");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException();
    }
  }

  private HttpRequest request(HttpRequest.BodyPublisher body) throws IOException {
    HttpRequest.Builder b;
    try {
      b = HttpRequest.newBuilder(url.toURI());
    } catch (URISyntaxException e) {
      throw new IOException("bad URL " + url, e);
    }
    headers.forEach((k, values) -> {
      if (!RESTRICTED.contains(k.toLowerCase(Locale.ROOT))) {
        values.forEach(v -> b.header(k, v));
      }
    });
    if (getReadTimeout() > 0) {
      b.timeout(Duration.ofMillis(getReadTimeout()));
    }
    return b.method(method, body).build();
  }

  private HttpResponse<byte[]> response() throws IOException {
    if (response != null) {
      return response;
    }
    try {
      if (pending == null) {
        pending = HTTP.sendAsync(request(HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.ofByteArray());
      } else {
        pipe.offer(EOF); // the body ends here, whether or not the writer closed its stream
      }
      response = pending.get();
      return response;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof IOException io ? io : new IOException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException();
    }
  }

  @Override
  public int getResponseCode() throws IOException {
    return response().statusCode();
  }

  @Override
  public String getResponseMessage() {
    return "";
  }

  @Override
  public String getHeaderField(String name) {
    try {
      return name == null ? null : response().headers().firstValue(name).orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public Map<String, List<String>> getHeaderFields() {
    try {
      return response().headers().map();
    } catch (IOException e) {
      return Map.of();
    }
  }

  @Override
  public InputStream getInputStream() throws IOException {
    HttpResponse<byte[]> r = response();
    if (r.statusCode() >= 400) {
      throw new IOException("HTTP " + r.statusCode());
    }
    return new ByteArrayInputStream(r.body());
  }

  @Override
  public InputStream getErrorStream() {
    return response != null && response.statusCode() >= 400 ? new ByteArrayInputStream(response.body()) : null;
  }

  @Override
  public void disconnect() {
    if (pending != null && !pending.isDone()) {
      pending.cancel(true);
    }
  }

  @Override
  public boolean usingProxy() {
    return false;
  }

  /** The reading end of the body queue. */
  private static final class QueueInput extends InputStream {
    private final BlockingQueue<byte[]> queue;
    private byte[] current = new byte[0];
    private int pos;
    private boolean ended;

    QueueInput(BlockingQueue<byte[]> queue) {
      this.queue = queue;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (pos == current.length) {
        if (ended) {
          return -1;
        }
        try {
          current = queue.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException();
        }
        pos = 0;
        if (current == EOF) {
          ended = true;
          return -1;
        }
      }
      int n = Math.min(len, current.length - pos);
      System.arraycopy(current, pos, b, off, n);
      pos += n;
      return n;
    }
  }
}
