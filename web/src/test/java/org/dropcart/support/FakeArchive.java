package org.dropcart.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Pacifica archive interface in the test: {@code POST /{id}} stages a file, {@code HEAD /{id}}
 * answers the status headers cartd reads ({@code X-Pacifica-File-Storage-Media} {@code tape} until
 * the file has been asked for {@code tapeHeads} times, then {@code disk}; {@code X-Content-Length}),
 * {@code GET /{id}} sends the bytes, after {@code delayMillis}. Unknown ids answer 404; a file may
 * fail its first {@code failures} requests with 500. It counts the GETs running at once.
 */
public final class FakeArchive implements AutoCloseable {
  /** A file the archive holds: its bytes are {@code size} repetitions of a pattern, generated as sent. */
  public record ArchiveFile(long size, byte seed, int tapeHeads, long delayMillis, int failures) {
    public byte at(long i) {
      return (byte) (seed + i % 251);
    }

    /** The SHA-256 of the bytes, computed as they are generated. */
    public String sha256() {
      try {
        java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        for (long done = 0; done < size; ) {
          int n = (int) Math.min(buffer.length, size - done);
          for (int i = 0; i < n; i++) {
            buffer[i] = at(done + i);
          }
          d.update(buffer, 0, n);
          done += n;
        }
        return java.util.HexFormat.of().formatHex(d.digest());
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    public byte[] bytes() {
      byte[] b = new byte[Math.toIntExact(size)];
      for (int i = 0; i < b.length; i++) {
        b[i] = at(i);
      }
      return b;
    }
  }

  private final HttpServer server;
  private final Map<String, ArchiveFile> files = new ConcurrentHashMap<>();
  private final Map<String, Long> announced = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> heads = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> failed = new ConcurrentHashMap<>();
  private final AtomicInteger gets = new AtomicInteger();
  private final AtomicInteger maxGets = new AtomicInteger();
  private final AtomicInteger stagings = new AtomicInteger();

  public FakeArchive() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  public void put(String id, ArchiveFile file) {
    files.put(id, file);
  }

  /** Makes HEAD announce another size for the file than GET sends. */
  public void announce(String id, long size) {
    announced.put(id, size);
  }

  /** The most GETs that were running at one time. */
  public int maxConcurrentGets() {
    return maxGets.get();
  }

  public int stagings() {
    return stagings.get();
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      String id = x.getRequestURI().getPath().substring(1);
      ArchiveFile f = files.get(id);
      if (f == null) {
        x.sendResponseHeaders(404, -1);
        return;
      }
      if (failed.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet() <= f.failures()) {
        x.sendResponseHeaders(500, -1);
        return;
      }
      switch (x.getRequestMethod()) {
        case "POST" -> {
          stagings.incrementAndGet();
          x.sendResponseHeaders(200, -1);
        }
        case "HEAD" -> {
          boolean disk = heads.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet() > f.tapeHeads();
          x.getResponseHeaders().add("X-Pacifica-File-Storage-Media", disk ? "disk" : "tape");
          x.getResponseHeaders().add("X-Content-Length", Long.toString(announced.getOrDefault(id, f.size())));
          x.getResponseHeaders().add("X-Pacifica-Messsage", "File was found");
          x.getResponseHeaders().add("Last-Modified", "Sun, 06 Nov 1994 08:49:37 GMT");
          x.sendResponseHeaders(200, -1);
        }
        case "GET" -> {
          int now = gets.incrementAndGet();
          maxGets.accumulateAndGet(now, Math::max);
          try {
            Thread.sleep(f.delayMillis());
            x.sendResponseHeaders(200, f.size());
            OutputStream out = x.getResponseBody();
            byte[] buffer = new byte[64 * 1024];
            for (long sent = 0; sent < f.size(); ) {
              int n = (int) Math.min(buffer.length, f.size() - sent);
              for (int i = 0; i < n; i++) {
                buffer[i] = f.at(sent + i);
              }
              out.write(buffer, 0, n);
              sent += n;
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            gets.decrementAndGet();
          }
        }
        default -> x.sendResponseHeaders(405, -1);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
