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

  /** Fills the launcher's post-boot template in, as run.sh does. */
  public static void writePostBootCommands(Path target, Path dataDir) {
    try {
      Files.createDirectories(target.getParent());
      Files.createDirectories(work().resolve("tmp"));
      String template =
          Files.readString(Path.of(property("dropcart.test.liberty-or-payara"), "post-boot-commands.asadmin"));
      String filled =
          template
              .replace("@ARTEMIS_RAR@", Path.of(property("dropcart.test.runtime"), "artemis.rar").toString())
              .replace("@BATCH_DB_URL@", "jdbc\\:h2\\:" + dataDir.toAbsolutePath().resolve("db/batch"))
          // As run.sh does for DROPCART_BROKER_PORT: the broker listens there, the adapter connects there.
          + "\ncreate-system-properties dropcart.broker.port=" + brokerPort()
          + "\ncreate-resource-adapter-config --property ConnectionParameters=host\\=127.0.0.1;port\\="
          + brokerPort() + " artemis"
          + "\ncreate-system-properties dropcart.imports.s3.endpoint=http\\://127.0.0.1\\:" + s3Port()
          + ":dropcart.imports.s3.access-key=" + S3_ACCESS_KEY + ":dropcart.imports.s3.secret-key=" + S3_SECRET_KEY
          + "\n";
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
