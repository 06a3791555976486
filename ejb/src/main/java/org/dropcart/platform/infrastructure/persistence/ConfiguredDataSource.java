package org.dropcart.platform.infrastructure.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.dropcart.platform.infrastructure.config.DataDirectory;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The JDBC data source behind the application's pool, configured from MicroProfile Config:
 * {@code dropcart.db.url} (empty: an H2 file database at {@code db/dropcart} under the data
 * directory, written through on every commit), {@code dropcart.db.user} and {@code dropcart.db.password}. H2 and PostgreSQL URLs are
 * supported. A database that is not up yet is waited for ({@link DatabaseWait}).
 */
public class ConfiguredDataSource implements DataSource {
  private volatile DataSource target;
  private volatile boolean reached;
  private int loginTimeout;
  private PrintWriter logWriter;

  private DataSource target() throws SQLException {
    DataSource t = target;
    if (t == null) {
      synchronized (this) {
        if (target == null) {
          target = create(ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader()));
        }
        t = target;
      }
    }
    return t;
  }

  /**
   * The JDBC URL the keys describe. The default H2 database writes every commit to its file before
   * the commit returns ({@code WRITE_DELAY=0}; H2 would otherwise write up to 500 ms later), so a
   * change the application has acknowledged survives a kill -9.
   */
  public static String url(Config config) {
    return config
        .getOptionalValue("dropcart.db.url", String.class)
        .orElseGet(() -> {
          // The prod profile has no embedded database to fall back on: starting on a fresh H2 file
          // beside a production broker and store would look like lost data.
          if ("prod".equals(config.getOptionalValue("mp.config.profile", String.class).orElse(""))) {
            throw new IllegalStateException("The prod profile needs dropcart.db.url (env DROPCART_DB_URL):"
                + " a jdbc:postgresql: URL; it has no embedded database");
          }
          return "jdbc:h2:" + DataDirectory.subdirectory(config, "db").resolve("dropcart") + ";WRITE_DELAY=0";
        });
  }

  private static DataSource create(Config config) throws SQLException {
    String url = url(config);
    String user = config.getOptionalValue("dropcart.db.user", String.class).orElse("");
    String password = config.getOptionalValue("dropcart.db.password", String.class).orElse("");
    if (url.startsWith("jdbc:h2:")) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(url);
      h2.setUser(user);
      h2.setPassword(password);
      return h2;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setURL(url);
      pg.setUser(user);
      pg.setPassword(password);
      return pg;
    }
    throw new SQLException("dropcart.db.url must be an H2 or PostgreSQL JDBC URL, not " + url);
  }

  /**
   * The first connection waits for the database ({@link DatabaseWait}): the server opens it while
   * deploying the application, before any of its own code runs, so this is where startup waits.
   * Once the database has been reached, a failure is the caller's to handle at once.
   */
  private DataSource reachable() throws SQLException {
    DataSource t = target();
    if (!reached) {
      synchronized (this) {
        if (!reached) {
          Config config = ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader());
          DatabaseWait.of(config).untilReachable(t, redacted(url(config)));
          reached = true;
        }
      }
    }
    return t;
  }

  /** The URL without its parameters, which may carry credentials, for log lines. */
  static String redacted(String url) {
    int cut = url.length();
    for (char c : new char[] {'?', ';'}) {
      int i = url.indexOf(c);
      if (i >= 0) {
        cut = Math.min(cut, i);
      }
    }
    return url.substring(0, cut);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return reachable().getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return reachable().getConnection(username, password);
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no parent logger");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    return target().unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || Optional.ofNullable(target()).map(t -> {
      try {
        return t.isWrapperFor(type);
      } catch (SQLException e) {
        return false;
      }
    }).orElse(false);
  }
}
