package org.dropcart.platform.infrastructure.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;

/**
 * Waits at startup for a database that may come up after the application (a container started
 * beside it, a server restarting): up to {@code dropcart.db.connect-attempts} connection attempts
 * ({@code DATABASE_CONNECT_ATTEMPTS}, default 3), {@code dropcart.db.connect-wait} seconds apart
 * ({@code DATABASE_WAIT}, default 10), as Pacifica cartd does. Each failed attempt is logged once
 * with the driver's reason (never the password); after the last one startup fails with that reason.
 */
public final class DatabaseWait {
  private static final Logger LOG = Logger.getLogger(DatabaseWait.class.getName());

  private final int attempts;
  private final Duration wait;

  public DatabaseWait(int attempts, Duration wait) {
    if (attempts < 1) {
      throw new IllegalArgumentException("dropcart.db.connect-attempts must be at least 1, not " + attempts);
    }
    if (wait.isNegative()) {
      throw new IllegalArgumentException("dropcart.db.connect-wait must not be negative, not " + wait);
    }
    this.attempts = attempts;
    this.wait = wait;
  }

  /** The keys' values, with their defaults. */
  public static DatabaseWait of(Config config) {
    return new DatabaseWait(
        config.getOptionalValue("dropcart.db.connect-attempts", Integer.class).orElse(3),
        Duration.ofSeconds(config.getOptionalValue("dropcart.db.connect-wait", Long.class).orElse(10L)));
  }

  /**
   * Returns once a connection could be opened and validated; the number of attempts it took.
   *
   * @throws SQLException the last attempt's failure when none succeeded
   */
  public int untilReachable(DataSource dataSource, String description) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        if (!c.isValid(5)) {
          throw new SQLException("the connection did not validate within 5 s");
        }
        if (attempt > 1) {
          LOG.log(Level.INFO, "Database {0} reachable on attempt {1} of {2}",
              new Object[] {description, attempt, attempts});
        }
        return attempt;
      } catch (SQLException e) {
        if (attempt >= attempts) {
          throw new SQLException("Database " + description + " unreachable after " + attempts
              + " attempts " + wait.toMillis() + " ms apart: " + e.getMessage(), e.getSQLState(), e);
        }
        LOG.log(Level.WARNING, "Database {0} unreachable (attempt {1} of {2}, next in {3} ms): {4}",
            new Object[] {description, attempt, attempts, String.valueOf(wait.toMillis()), e.getMessage()});
        sleep();
      }
    }
  }

  private void sleep() throws SQLException {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for the database", e);
    }
  }
}
