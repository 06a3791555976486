package org.dropcart.platform.infrastructure.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.eclipse.microprofile.config.Config;

/**
 * The application's handle on its document store (GridFS content and the file index): one driver
 * client for the whole application, connected to {@code dropcart.mongo.uri} or, by default, to the
 * embedded wire-compatible server.
 */
@ApplicationScoped
public class MongoStore {
  @Inject private Config config;
  @Inject private EmbeddedMongoServer embedded;

  private MongoClient client;
  private MongoDatabase database;

  @PostConstruct
  void connect() {
    String uri =
        embedded
            .connectionString()
            .orElseGet(() -> config.getValue("dropcart.mongo.uri", String.class));
    MongoClientSettings settings =
        MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(uri))
            .applyToClusterSettings(b -> b.serverSelectionTimeout(5, TimeUnit.SECONDS))
            .applyToSocketSettings(b -> b.connectTimeout(5, TimeUnit.SECONDS))
            .build();
    client = MongoClients.create(settings);
    database = client.getDatabase(config.getValue("dropcart.mongo.database", String.class));
  }

  public MongoDatabase database() {
    return database;
  }

  /** Round-trips a {@code ping} command; throws when the store cannot be reached. */
  public void ping() {
    database.runCommand(new Document("ping", 1));
  }

  /** Makes acknowledged writes durable where the store needs to be told (the embedded one). */
  public void makeDurable() {
    embedded.commit();
  }

  @PreDestroy
  void close() {
    if (client != null) {
      client.close();
    }
  }
}
