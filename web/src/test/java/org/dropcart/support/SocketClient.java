package org.dropcart.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A WebSocket client on Java's HttpClient that keeps every message it receives, for the tests. */
public final class SocketClient implements WebSocket.Listener, AutoCloseable {
  private final LinkedBlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
  private final List<JsonObject> seen = new ArrayList<>();
  private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;
  private volatile boolean paused;
  private CompletableFuture<WebSocket> pending;

  /** Connects to {@code /ws} of {@code base}, with {@code ?access_token=} when a token is given. */
  public static SocketClient connect(URI base, String token) {
    String ws = base.toString().replaceFirst("^http", "ws") + "ws" + (token == null ? "" : "?access_token=" + token);
    SocketClient client = new SocketClient();
    client.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
        .buildAsync(URI.create(ws), client).join();
    client.pending = CompletableFuture.completedFuture(client.socket);
    return client;
  }

  /** Connects like {@link #connect}, then stops reading after the first message until {@link #resume()}. */
  public static SocketClient connectPaused(URI base, String token) {
    SocketClient client = connect(base, token);
    client.paused = true;
    return client;
  }

  /** Reads everything the server sends from now on. */
  public void resume() {
    paused = false;
    socket.request(Long.MAX_VALUE);
  }

  public SocketClient send(JsonObject message) {
    socket.sendText(message.toString(), true).join();
    return this;
  }

  /** Sends without waiting until the message is written (the server may have stopped reading). */
  public void sendWithoutWaiting(JsonObject message) {
    pending = pending.thenCompose(ws -> ws.sendText(message.toString(), true));
  }

  public SocketClient sendRaw(String text) {
    socket.sendText(text, true).join();
    return this;
  }

  public SocketClient sendBinary(byte[] data) {
    socket.sendBinary(ByteBuffer.wrap(data), true).join();
    return this;
  }

  /** The next message (in arrival order, among those not yet taken) that matches, within 30 s. */
  public JsonObject await(Predicate<JsonObject> wanted, String what) {
    return await(wanted, what, 30);
  }

  private JsonObject await(Predicate<JsonObject> wanted, String what, int seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    synchronized (seen) {
      for (JsonObject m : seen) {
        if (wanted.test(m)) {
          seen.remove(m);
          return m;
        }
      }
    }
    try {
      while (System.nanoTime() < deadline) {
        JsonObject m = inbox.poll(200, TimeUnit.MILLISECONDS);
        if (m == null) {
          continue;
        }
        if (wanted.test(m)) {
          return m;
        }
        synchronized (seen) {
          seen.add(m);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (seen) {
      throw new AssertionError("No " + what + " within " + seconds + " s; received meanwhile: " + seen);
    }
  }

  /** Whether a matching message arrives within {@code seconds}. */
  public boolean arrives(Predicate<JsonObject> wanted, int seconds) {
    try {
      await(wanted, "", seconds);
      return true;
    } catch (AssertionError none) {
      return false;
    }
  }

  public JsonObject awaitType(String type) {
    return await(m -> type.equals(m.getString("type", null)), "'" + type + "' message");
  }

  /** The close code the server sent, within 30 s. */
  public int awaitClose() {
    return closeCode.orTimeout(30, TimeUnit.SECONDS).join();
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      inbox.add(Json.createReader(new StringReader(partial.toString())).readObject());
      partial.setLength(0);
    }
    if (!paused) {
      webSocket.request(1);
    }
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closeCode.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closeCode.completeExceptionally(error);
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
    }
    socket.abort();
  }
}
