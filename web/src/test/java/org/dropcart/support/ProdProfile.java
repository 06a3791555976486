package org.dropcart.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;

/**
 * The prod profile of the integration tests ({@code -Ddropcart.test.profile=prod}, the failsafe
 * execution {@code prod-profile}): the same tests against the server configured as production runs
 * it, every service outside the application server. Relational data and the batch job repository
 * on the machine's PostgreSQL (a schema of its own, fresh per test run); an Artemis broker built
 * from {@code src/main/liberty-or-payara/artemis/broker.xml}, the file operators use; a Mongo-wire
 * server. The broker and the Mongo server run in the test JVM, a process apart from the server,
 * reached over TCP as an external one would be; they live until the test JVM ends. The server
 * reaches PostgreSQL through a {@link TcpProxy} in the test JVM, which a test may cut.
 */
public final class ProdProfile {
  static final String PG_HOST = System.getProperty("dropcart.test.pg.host", "127.0.0.1");
  static final String PG_PORT = System.getProperty("dropcart.test.pg.port", "5432");
  static final String PG_DATABASE = System.getProperty("dropcart.test.pg.database", "test");
  static final String PG_USER = System.getProperty("dropcart.test.pg.user", "postgres");
  static final String PG_PASSWORD = System.getProperty("dropcart.test.pg.password", "postgres");
  static final String SCHEMA = System.getProperty("dropcart.test.pg.schema", "dropcart_it_prod");

  private static EmbeddedActiveMQ broker;
  /** The server under test reaches PostgreSQL through it, so that a test can cut the database. */
  private static TcpProxy database;
  private static MongoServer mongo;
  private static int mongoPort;

  private ProdProfile() {}

  public static boolean active() {
    return "prod".equals(System.getProperty("dropcart.test.profile"));
  }

  /** Starts the external services once per test JVM (the first test class), on a fresh schema. */
  static synchronized void start() {
    if (broker != null) {
      return;
    }
    try {
      // A fresh start on every side: the schema, and what an earlier run left on disk (a broker
      // journal with messages about uploads the fresh schema never heard of, stored files).
      resetSchema();
      database = new TcpProxy(PG_HOST, Integer.parseInt(PG_PORT));
      deleteTree(DropcartDeployment.work().resolve("external"));
      deleteTree(DropcartDeployment.dataDirectory());
      Path data = DropcartDeployment.work().resolve("external");
      Files.createDirectories(data);
      System.setProperty("dropcart.broker.data", data.resolve("broker").toString());
      System.setProperty("dropcart.broker.host", "127.0.0.1");
      System.setProperty("dropcart.broker.port", Integer.toString(DropcartDeployment.brokerPort()));
      FileConfiguration config = new FileConfiguration();
      FileDeploymentManager files = new FileDeploymentManager(
          Path.of(DropcartDeployment.property("dropcart.test.liberty-or-payara"), "artemis", "broker.xml").toUri()
              .toString());
      files.addDeployable(config);
      files.readConfiguration();
      broker = new EmbeddedActiveMQ().setConfiguration(config);
      broker.start();

      // The H2 backend lives in the shaded dropcart-embedded-mongo jar, which exists from `package`
      // on: named here by reflection so that `mvn test` compiles too.
      MongoBackend backend = (MongoBackend) Class.forName("de.bwaldvogel.mongo.backend.h2.H2Backend")
          .getConstructor(String.class).newInstance(data.resolve("mongo.mv").toString());
      mongo = new MongoServer(backend);
      mongo.bind("127.0.0.1", 0);
      mongoPort = mongo.getLocalAddress().getPort();
      System.out.println("Prod profile: PostgreSQL schema " + SCHEMA + ", broker on " + DropcartDeployment.brokerPort()
          + ", Mongo-wire server on " + mongoPort);
    } catch (Exception e) {
      throw new IllegalStateException("The prod profile's services did not start", e);
    }
  }

  /** Stops the external broker, as an operator's restart or a crash of its host would. */
  public static synchronized void stopBroker() throws Exception {
    broker.stop();
  }

  /** Starts the broker again on the same journal: what it held before the stop is still there. */
  public static synchronized void startBroker() throws Exception {
    broker.start();
  }

  /** PostgreSQL goes away for the server: open connections are reset, new ones refused. */
  public static void cutDatabase() {
    database.cut();
  }

  public static void restoreDatabase() {
    database.restore();
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    if (Files.exists(root)) {
      try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static void resetSchema() throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl(""), PG_USER, PG_PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      s.execute("CREATE SCHEMA " + SCHEMA);
    }
  }

  private static String jdbcUrl(String query) {
    return "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + PG_DATABASE + query;
  }

  /** The server's way to the database: through {@link #database}. */
  private static String serverJdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + database.port() + "/" + PG_DATABASE + "?currentSchema=" + SCHEMA;
  }

  /**
   * The launcher's environment for a server on these services, as an operator sets it
   * ({@code DROPCART_PROFILE=prod} and the keys it needs); starts them first.
   */
  public static java.util.Map<String, String> launcherEnvironment() {
    start();
    return java.util.Map.of(
        "DROPCART_PROFILE", "prod",
        "DROPCART_DB_URL", serverJdbcUrl(),
        "DROPCART_DB_USER", PG_USER,
        "DROPCART_DB_PASSWORD", PG_PASSWORD,
        "DROPCART_MONGO_URI", "mongodb://127.0.0.1:" + mongoPort,
        "DROPCART_BROKER_HOST", "127.0.0.1",
        "DROPCART_BROKER_PORT", Integer.toString(DropcartDeployment.brokerPort()),
        "DROPCART_BATCH_POOL", batchPool());
  }

  /** A connection to the profile's schema, for a test that checks what the servers wrote. */
  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl("?currentSchema=" + SCHEMA), PG_USER, PG_PASSWORD);
  }

  /** What the post-boot file sets for this profile (asadmin escapes ':' and '=' in values). */
  static String postBootCommands() {
    start();
    String url = serverJdbcUrl();
    return "create-system-properties dropcart.db.url=" + asadmin(url) + ":dropcart.db.user=" + PG_USER
        + ":dropcart.db.password=" + asadmin(PG_PASSWORD) + ":mp.config.profile=prod"
        + ":dropcart.mongo.uri=" + asadmin("mongodb://127.0.0.1:" + mongoPort) + "\n";
  }

  /**
   * The job repository's pool: PostgreSQL here runs without prepared transactions (its default
   * max_prepared_transactions = 0), so not XA; its connections stay out of the chunk's transaction.
   * Payara makes the repository's tables in the database's public schema; they hold only job
   * history, which may outlive a test run.
   */
  static String batchPool() {
    start();
    return "--datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource"
        + " --nontransactionalconnections=true --property serverName=127.0.0.1:portNumber=" + database.port()
        + ":databaseName=" + PG_DATABASE + ":user=" + PG_USER + ":password=" + asadmin(PG_PASSWORD);
  }

  private static String asadmin(String value) {
    return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
  }
}
