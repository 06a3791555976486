package org.dropcart.platform.infrastructure.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.dropcart.platform.infrastructure.config.DataDirectory;
import org.eclipse.microprofile.config.Config;

/**
 * The Artemis broker Dropcart runs inside itself when {@code dropcart.broker.embedded} is true (the
 * default): a real broker reached over TCP on the loopback interface by the {@code artemis}
 * resource adapter, exactly as an external one would be. Its journal lives under the data
 * directory, so acknowledged messages survive a crash; every address sends messages that fail
 * {@value Messaging#MAX_DELIVERY_ATTEMPTS} deliveries to {@value Messaging#DEAD_LETTER_QUEUE}.
 *
 * <p>It listens on {@code dropcart.broker.host}:{@code dropcart.broker.port} without
 * authentication, so the host must stay a loopback address; an exposed broker is an external one.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class EmbeddedBroker {
  private static final Logger LOG = Logger.getLogger(EmbeddedBroker.class.getName());

  @Inject private Config config;

  private EmbeddedActiveMQ broker;

  @PostConstruct
  void start() {
    if (!config.getValue("dropcart.broker.embedded", Boolean.class)) {
      LOG.info("Using the external broker named by dropcart.broker.host/port");
      return;
    }
    String host = config.getValue("dropcart.broker.host", String.class);
    int port = config.getValue("dropcart.broker.port", Integer.class);
    Path dir = DataDirectory.subdirectory(config, "broker");
    try {
      broker = new EmbeddedActiveMQ().setConfiguration(configuration(dir, host, port));
      broker.start();
    } catch (Exception e) {
      throw new IllegalStateException("The embedded broker did not start on " + host + ":" + port, e);
    }
    LOG.log(Level.INFO, "Embedded Artemis broker listening on {0}:{1,number,#}, journal in {2}",
        new Object[] {host, port, dir});
  }

  private static Configuration configuration(Path dir, String host, int port) throws Exception {
    AddressSettings everyAddress =
        new AddressSettings()
            .setDeadLetterAddress(
                org.apache.activemq.artemis.api.core.SimpleString.of(Messaging.DEAD_LETTER_QUEUE))
            .setMaxDeliveryAttempts(Messaging.MAX_DELIVERY_ATTEMPTS)
            .setRedeliveryDelay(500)
            .setRedeliveryMultiplier(2.0)
            .setMaxRedeliveryDelay(5_000)
            .setAutoCreateQueues(true)
            .setAutoCreateAddresses(true)
            .setAutoCreateDeadLetterResources(false);
    Configuration c =
        new ConfigurationImpl()
            .setName("dropcart-embedded")
            .setPersistenceEnabled(true)
            .setSecurityEnabled(false)
            .setJournalType(JournalType.NIO)
            .setJournalDirectory(dir.resolve("journal").toString())
            .setBindingsDirectory(dir.resolve("bindings").toString())
            .setPagingDirectory(dir.resolve("paging").toString())
            .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
            .setNodeManagerLockDirectory(dir.resolve("lock").toString())
            .setJMXManagementEnabled(false)
            .setGracefulShutdownEnabled(true)
            .setGracefulShutdownTimeout(10_000)
            .addAcceptorConfiguration("loopback", "tcp://" + host + ":" + port);
    c.addAddressSetting("#", everyAddress);
    c.addQueueConfiguration(
        QueueConfiguration.of(Messaging.DEAD_LETTER_QUEUE).setRoutingType(RoutingType.ANYCAST));
    c.addQueueConfiguration(
        QueueConfiguration.of(Messaging.AUDIT_QUEUE).setRoutingType(RoutingType.ANYCAST));
    c.addQueueConfiguration(
        QueueConfiguration.of(Messaging.STORE_QUEUE).setRoutingType(RoutingType.ANYCAST));
    c.addQueueConfiguration(
        QueueConfiguration.of(Messaging.DISPATCH_QUEUE).setRoutingType(RoutingType.ANYCAST));
    c.addQueueConfiguration(
        QueueConfiguration.of(Messaging.IMPORT_QUEUE).setRoutingType(RoutingType.ANYCAST));
    c.addQueueConfiguration(
        QueueConfiguration.of(Messaging.CART_QUEUE).setRoutingType(RoutingType.ANYCAST));
    c.addQueueConfiguration(
        QueueConfiguration.of(Messaging.INVOKE_QUEUE).setRoutingType(RoutingType.ANYCAST));
    return c;
  }

  /** True when this node runs the broker itself and it is serving. */
  public boolean isEmbeddedAndActive() {
    return broker != null && broker.getActiveMQServer().isActive();
  }

  /**
   * Stops the broker once the application's own clients have let go of it. The server may destroy
   * this bean before it stops the MDBs; a broker stopped then leaves every MDB consumer blocked
   * until its close times out (seen: a server took 80 s and more to stop, and a test server still
   * held the database when the next one started). So the stop waits, on a thread of its own, until
   * no connection is left or {@link #STOP_WAIT} has passed; a JVM that exits meanwhile takes the
   * broker with it, which its journal is made for.
   */
  @PreDestroy
  void stop() {
    if (broker == null) {
      return;
    }
    EmbeddedActiveMQ stopping = broker;
    broker = null;
    Thread stopper = new Thread(() -> {
      long deadline = System.nanoTime() + STOP_WAIT.toNanos();
      try {
        while (stopping.getActiveMQServer().getConnectionCount() > 0 && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        stopping.stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "The embedded broker did not stop cleanly", e);
      }
    }, "embedded-broker-stop");
    stopper.setDaemon(true);
    stopper.start();
  }

  private static final java.time.Duration STOP_WAIT = java.time.Duration.ofSeconds(20);
}
