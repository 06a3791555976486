package org.dropcart.support;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.util.Objects;
import java.util.TreeSet;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Payara's Arquillian container for Payara Micro, with one server for every test class of a test
 * JVM that deploys the same archive.
 *
 * <p>The stock container boots a Payara Micro per test class (about 25 s each, for fourteen
 * classes) and stops it afterwards. Every class deploys the same WAR with the same configuration
 * into the same data directory, so a server booted for the next class would differ from the
 * running one only in what it holds in memory; the classes never relied on that, since what they
 * leave on disk was always shared. So a class's undeploy keeps the server running, the next
 * class's deploy of an equal archive reuses it, and it stops when the suite ends (or when a class
 * deploys something else). A class that needs its own server process (kill -9, restarts) starts
 * one through {@link Launcher}, as before.
 */
public class SharedPayaraMicro extends PayaraMicroDeployableContainer {
  private Archive<?> running;
  private String runningKey;
  private ProtocolMetaData runningMetaData;

  @Override
  public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
    String key = key(archive);
    if (running != null && key.equals(runningKey)) {
      System.out.println("Reusing the running Payara Micro for " + archive.getName());
      return runningMetaData;
    }
    stopRunning();
    DropcartDeployment.awaitPreviousServerGone();
    ProtocolMetaData metaData = super.deploy(archive);
    running = archive;
    runningKey = key;
    runningMetaData = metaData;
    return metaData;
  }

  @Override
  public void undeploy(Archive<?> archive) {
    // Kept for the next test class; stop() (the end of the suite) takes it down.
  }

  @Override
  public void stop() throws LifecycleException {
    try {
      stopRunning();
    } catch (DeploymentException e) {
      throw new LifecycleException("Payara Micro did not stop", e);
    }
    super.stop();
  }

  private void stopRunning() throws DeploymentException {
    if (running != null) {
      Archive<?> archive = running;
      running = null;
      runningKey = null;
      runningMetaData = null;
      super.undeploy(archive);
    }
  }

  /** Equal archives: the same name and the same entries (the tests build theirs from one WAR file). */
  private static String key(Archive<?> archive) {
    TreeSet<String> paths = new TreeSet<>();
    archive.getContent().keySet().forEach(path -> paths.add(path.get()));
    return archive.getName() + "#" + Objects.hash(paths.toArray());
  }

  /** Registered in META-INF/services in place of the stock container. */
  public static final class Extension implements LoadableExtension {
    @Override
    public void register(ExtensionBuilder builder) {
      builder.override(DeployableContainer.class, PayaraMicroDeployableContainer.class, SharedPayaraMicro.class);
    }
  }
}
