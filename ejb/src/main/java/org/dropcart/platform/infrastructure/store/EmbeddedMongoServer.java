package org.dropcart.platform.infrastructure.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.platform.infrastructure.config.DataDirectory;
import org.eclipse.microprofile.config.Config;

/**
 * A MongoDB-wire-compatible server (mongo-java-server with its H2 MVStore backend) that Dropcart
 * starts on the loopback interface when {@code dropcart.mongo.uri} is {@code embedded} (the
 * default). The application reaches it through the official driver exactly as it would reach a
 * real MongoDB; the store file lives under the data directory.
 *
 * <p>The backend acknowledges writes before its periodic commit; {@link #commit()} makes
 * everything written so far durable, for callers that must not lose a write to a crash.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class EmbeddedMongoServer {
  private static final Logger LOG = Logger.getLogger(EmbeddedMongoServer.class.getName());
  static final String EMBEDDED = "embedded";

  @Inject private Config config;

  private H2Backend backend;
  private MongoServer server;
  private String connectionString;

  @PostConstruct
  void start() {
    if (!EMBEDDED.equals(config.getValue("dropcart.mongo.uri", String.class))) {
      return;
    }
    Path file = DataDirectory.subdirectory(config, "mongo").resolve("store.mv");
    int port = config.getValue("dropcart.mongo.embedded-port", Integer.class);
    backend = new H2Backend(file.toString());
    server = new MongoServer(backend);
    server.bind("127.0.0.1", port);
    InetSocketAddress address = server.getLocalAddress();
    connectionString = "mongodb://127.0.0.1:" + address.getPort();
    LOG.log(Level.INFO, "Embedded Mongo-wire server on {0}, store {1}",
        new Object[] {connectionString, file});
  }

  /** The URI of the embedded server, or empty when an external MongoDB is configured. */
  public Optional<String> connectionString() {
    return Optional.ofNullable(connectionString);
  }

  /** Makes every write acknowledged so far durable on disk. */
  public void commit() {
    if (backend != null) {
      backend.commit();
    }
  }

  @PreDestroy
  void stop() {
    if (server != null) {
      server.shutdownNow();
      backend.close();
    }
  }
}
