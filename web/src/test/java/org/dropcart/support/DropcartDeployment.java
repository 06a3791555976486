package org.dropcart.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the integration tests deploy: the real packaged WAR, exactly as the launcher runs it, with
 * the post-boot commands of {@code src/main/liberty-or-payara} filled in for the test directories.
 */
public final class DropcartDeployment {
  public static final String ADMIN_PASSWORD = "admin-password-for-tests";

  private DropcartDeployment() {}

  public static WebArchive war() {
    writePostBootCommands(work().resolve("post-boot.asadmin"), work().resolve("data"));
    return ShrinkWrap.create(ZipImporter.class, "dropcart.war")
        .importFrom(Path.of(property("dropcart.test.war")).toFile())
        .as(WebArchive.class);
  }

  /**
   * The port of the broker the test server embeds: a free one, chosen once per test JVM, so that
   * two builds on one machine never share a broker (the default 61616 would join them).
   */
  public static synchronized int brokerPort() {
    if (brokerPort == 0) {
      try {
        brokerPort = Launcher.freePort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return brokerPort;
  }

  private static int brokerPort;

  /**
   * The port the test server expects an S3-compatible store on ({@code dropcart.imports.s3.endpoint}),
   * chosen once per test JVM: a test that imports from S3 serves it there.
   */
  public static synchronized int s3Port() {
    if (s3Port == 0) {
      try {
        s3Port = Launcher.freePort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return s3Port;
  }

  private static int s3Port;

  /** The credentials the test server signs its S3 requests with. */
  public static final String S3_ACCESS_KEY = "test-access-key";
  public static final String S3_SECRET_KEY = "test-secret-key";

  public static Path dataDirectory() {
    return work().resolve("data");
  }

  /**
   * A server that boots on the data directory may follow one that is still shutting down (Arquillian
   * does not wait for its process to exit), holding the H2 files. A server that starts then cannot
   * open its database and never deploys the application, so {@link SharedPayaraMicro} waits until no
   * process holds their locks (H2 locks the file itself).
   */
  static void awaitPreviousServerGone() {
    long start = System.nanoTime();
    long deadline = start + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
    for (String db : new String[] {"db/dropcart.mv.db", "db/batch.mv.db"}) {
      Path file = dataDirectory().resolve(db);
      while (Files.exists(file) && !lockable(file)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(file + " is still held by another process after 120 s");
        }
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    long waited = (System.nanoTime() - start) / 1_000_000;
    if (waited > 500) {
      System.out.println("Waited " + waited + " ms for the previous test server to let go of its database");
    }
  }

  private static boolean lockable(Path file) {
    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
        java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE);
        java.nio.channels.FileLock lock = channel.tryLock()) {
      return lock != null;
    } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
      return false;
    }
  }

  /** Fills the launcher's post-boot template in, as run.sh does. */
  public static void writePostBootCommands(Path target, Path dataDir) {
    try {
      Files.createDirectories(target.getParent());
      Files.createDirectories(work().resolve("tmp"));
      String template =
          Files.readString(Path.of(property("dropcart.test.liberty-or-payara"), "post-boot-commands.asadmin"));
      // As run.sh does for DROPCART_BROKER_PORT: the adapter connects there (configured before
      // the adapter is deployed, which it would otherwise restart), and the broker listens there.
      String filled =
          "create-resource-adapter-config --property ConnectionParameters=host\\=127.0.0.1;port\\="
              + brokerPort() + " artemis\n"
          + template
              .replace("@ARTEMIS_RAR@", Path.of(property("dropcart.test.runtime"), "artemis.rar").toString())
              .replace("@BATCH_POOL@", ProdProfile.active() ? ProdProfile.batchPool()
                  : "--datasourceclassname org.h2.jdbcx.JdbcDataSource --restype javax.sql.XADataSource --property url=jdbc\\:h2\\:"
                      + dataDir.toAbsolutePath().resolve("db/batch") + ":user=dropcart:password=dropcart")
          + "\ncreate-system-properties dropcart.broker.port=" + brokerPort()
          + "\ncreate-system-properties dropcart.imports.s3.endpoint=http\\://127.0.0.1\\:" + s3Port()
          + ":dropcart.imports.s3.access-key=" + S3_ACCESS_KEY + ":dropcart.imports.s3.secret-key=" + S3_SECRET_KEY
          + "\n"
          + (ProdProfile.active() ? ProdProfile.postBootCommands() : "");
      Files.writeString(target, filled);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path work() {
    return Path.of(property("dropcart.test.work")).toAbsolutePath();
  }

  static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException("System property " + name + " is not set (run through Maven failsafe)");
    }
    return value;
  }
}
