package org.dropcart.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Runs the README's run command (src/main/liberty-or-payara/run.sh) on a data directory of its
 * own, as an operator would, and kills it the hard way (SIGKILL) for crash tests.
 */
public final class Launcher {
  private final Path data;
  private final String adminPassword;
  private final Path log;
  private final String node;
  private Process launcher;

  public Launcher(String name, String adminPassword) {
    this(name, adminPassword, DropcartDeployment.work().resolve(name + "-data"), null);
  }

  /**
   * A node named {@code node} (the launcher's {@code DROPCART_NODE_NAME}) on the data directory
   * {@code data}, which other nodes may share.
   */
  public Launcher(String name, String adminPassword, Path data, String node) {
    this.data = data;
    this.adminPassword = adminPassword;
    this.log = DropcartDeployment.work().resolve(name + "-server.log");
    this.node = node;
  }

  public Path log() {
    return log;
  }

  private Path pidFile() {
    return data.resolve(node == null ? "dropcart.pid" : "dropcart-" + node + ".pid");
  }

  public Path data() {
    return data;
  }

  /** Empties the data directory: the next start is a first start. */
  public void wipe() throws IOException {
    if (Files.exists(data)) {
      try (var paths = Files.walk(data)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  public Api start(int port, int brokerPort) throws Exception {
    return start(port, brokerPort, Map.of(), true);
  }

  /** Starts run.sh and waits until readiness reports every check (UP, unless {@code mustBeUp} is false). */
  public Api start(int port, int brokerPort, Map<String, String> extraEnv, boolean mustBeUp) throws Exception {
    Path root = Path.of(System.getProperty("dropcart.test.liberty-or-payara")).resolve("../../..").normalize();
    Files.createDirectories(data);
    ProcessBuilder pb =
        new ProcessBuilder("bash", "src/main/liberty-or-payara/run.sh")
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = pb.environment();
    env.put("DROPCART_DATA_DIR", data.toString());
    env.put("DROPCART_PORT", Integer.toString(port));
    env.put("DROPCART_BROKER_PORT", Integer.toString(brokerPort));
    env.put("DROPCART_SKIP_BUILD", "1");
    env.put("DROPCART_ADMIN_PASSWORD", adminPassword);
    env.put("DROPCART_JAVA_OPTS", "-Xmx768m -XX:+UseSerialGC");
    env.put("DROPCART_JOBS_TOKEN_CLEANUP_INTERVAL", "off");
    if (node != null) {
      env.put("DROPCART_NODE_NAME", node);
    }
    env.putAll(extraEnv);
    launcher = pb.start();
    Api api = new Api(URI.create("http://localhost:" + port + "/"));
    Eventually.await("Dropcart on port " + port, Duration.ofSeconds(240), () -> {
      if (!launcher.isAlive()) {
        throw new AssertionError("the launcher exited with " + launcher.exitValue() + "; see " + log);
      }
      try {
        return api.get("health/ready", null);
      } catch (RuntimeException notYet) {
        return null;
      }
    }, r -> r != null && (r.status() == 200 || !mustBeUp) && r.body().contains("\"checks\":[{")
        && r.json().getJsonArray("checks").size() == 5 && r.body().contains("\"name\":\"application\",\"status\":\"UP\""));
    return api;
  }

  /** SIGKILL to the Java process the launcher started (its pid is in the data directory). */
  public void killHard() throws Exception {
    long pid = Long.parseLong(Files.readString(pidFile()).trim());
    ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
    server.destroyForcibly();
    server.onExit().get();
    launcher.waitFor();
  }

  /** Stops whatever is still running (for @AfterAll). */
  public void stop() throws Exception {
    if (launcher != null && launcher.isAlive()) {
      Path pidFile = pidFile();
      if (Files.exists(pidFile)) {
        ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).ifPresent(ProcessHandle::destroyForcibly);
      }
      launcher.destroyForcibly();
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
