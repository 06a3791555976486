package org.dropcart.platform.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.dropcart.platform.infrastructure.persistence.DatabaseWait;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Startup waits for a real database server that comes up late, and gives up on one that never does. */
class DatabaseWaitTest {
  private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
  private final AtomicReference<ServerSocket> proxy = new AtomicReference<>();

  @AfterEach
  void stop() throws Exception {
    later.shutdownNow();
    if (proxy.get() != null) {
      proxy.get().close();
    }
  }

  @Test
  void aDatabaseThatStartsLateIsWaitedFor() throws Exception {
    int port = freePort();
    later.schedule(() -> {
      proxy.set(new ServerSocket(port, 50, InetAddress.getLoopbackAddress()));
      forward(proxy.get());
      return null;
    }, 1200, TimeUnit.MILLISECONDS);

    long start = System.nanoTime();
    int attempts = new DatabaseWait(10, Duration.ofMillis(500)).untilReachable(pg(port), "late");

    assertThat(attempts).isBetween(2, 6);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
  }

  @Test
  void anUnreachableDatabaseFailsAfterTheConfiguredAttempts() throws Exception {
    int port = freePort();
    long start = System.nanoTime();

    assertThatThrownBy(() -> new DatabaseWait(3, Duration.ofMillis(300)).untilReachable(pg(port), "absent"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("absent unreachable after 3 attempts");
    // Two waits between three attempts.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
  }

  @Test
  void aReachableDatabaseTakesOneAttempt() throws Exception {
    JdbcDataSource mem = new JdbcDataSource();
    mem.setURL("jdbc:h2:mem:wait-test");
    assertThat(new DatabaseWait(3, Duration.ofSeconds(10)).untilReachable(mem, "mem")).isEqualTo(1);
  }

  @Test
  void nonsenseSettingsAreRefused() {
    assertThatThrownBy(() -> new DatabaseWait(0, Duration.ZERO)).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> new DatabaseWait(1, Duration.ofSeconds(-1))).hasMessageContaining("negative");
  }

  /**
   * The machine's PostgreSQL (127.0.0.1:5432, trust), reached through a port that starts listening
   * only when the test says so: the database "comes up" late. (H2's own client retries refused
   * connections for seconds by itself, so it cannot show this.)
   */
  private static PGSimpleDataSource pg(int port) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL("jdbc:postgresql://127.0.0.1:" + port + "/test");
    ds.setUser("postgres");
    ds.setConnectTimeout(2);
    return ds;
  }

  /** Pipes every connection accepted on {@code listener} to 127.0.0.1:5432, both ways. */
  private void forward(ServerSocket listener) {
    Thread acceptor = new Thread(() -> {
      while (!listener.isClosed()) {
        try {
          Socket client = listener.accept();
          Socket db = new Socket(InetAddress.getLoopbackAddress(), 5432);
          pipe(client, db);
          pipe(db, client);
        } catch (IOException e) {
          return;
        }
      }
    }, "pg-forward");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private static void pipe(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        in.transferTo(out);
      } catch (IOException e) {
        // the other side closed
      }
    }, "pg-pipe");
    t.setDaemon(true);
    t.start();
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
