package org.dropcart.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dropcart.support.Api;
import org.dropcart.support.DropcartDeployment;
import org.dropcart.support.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's run command (src/main/liberty-or-payara/run.sh) on its own data directory,
 * kills the server with SIGKILL, starts it again on the same directory, and checks that users,
 * the signing key (so unexpired tokens stay valid), signed-out tokens and the audit log survived.
 */
class RestartIT {
  private static final Path DATA = DropcartDeployment.work().resolve("restart-data");
  private static final String ADMIN_PASSWORD = "restart-admin-password";
  private static Process launcher;

  @Test
  void usersKeysRevocationsAndAuditSurviveAKillAndRestart() throws Exception {
    deleteRecursively(DATA);
    int port = freePort();
    int brokerPort = freePort();

    Api api = start(port, brokerPort);
    String name = Api.uniqueName("survivor");
    String token = api.signUp(name, "survive-the-crash");
    String signedOut = api.logIn(name, "survive-the-crash");
    assertThat(api.put("api/auth/logout/" + name, null, signedOut).status()).isEqualTo(204);
    String admin = api.logIn("admin", ADMIN_PASSWORD);
    awaitAudit(api, admin, name, Set.of("SIGNED_UP", "LOGGED_IN", "LOGGED_OUT"));
    String keyBefore = Files.readString(DATA.resolve("keys/jwt-signing-key.pem"));

    killHard();
    api = start(port, brokerPort);

    assertThat(Files.readString(DATA.resolve("keys/jwt-signing-key.pem"))).isEqualTo(keyBefore);
    Api.Reply validated = api.get("api/auth/validate", token);
    assertThat(validated.status()).as("an unexpired token issued before the crash").isEqualTo(200);
    assertThat(validated.json().getString("username")).isEqualTo(name);
    assertThat(api.get("api/auth/validate", signedOut).status()).as("a token signed out before the crash")
        .isEqualTo(401);
    assertThat(api.put("api/auth/login/" + name, Api.password("survive-the-crash"), null).status()).isEqualTo(200);
    assertThat(api.post("api/auth/signup", Api.credentials(name, "survive-the-crash"), null).status())
        .as("the user still exists").isEqualTo(409);
    awaitAudit(api, admin, name, Set.of("SIGNED_UP", "LOGGED_IN", "LOGGED_OUT"));

    // Third start with a free-space threshold no disk meets: not ready, yet alive and serving.
    killHard();
    api = start(port, brokerPort, Map.of("DROPCART_HEALTH_MIN_FREE_SPACE", "1000000TB"), false);
    Api.Reply ready = api.get("health/ready", null);
    assertThat(ready.status()).isEqualTo(503);
    Map<String, String> checks = ready.json().getJsonArray("checks").stream().map(v -> v.asJsonObject())
        .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
    assertThat(checks).containsEntry("volume", "DOWN").containsEntry("database", "UP").containsEntry("application", "UP")
        .containsEntry("broker", "UP").containsEntry("mongo", "UP");
    assertThat(api.get("health/live", null).status()).isEqualTo(200);
    assertThat(api.get("api/auth/validate", token).status()).isEqualTo(200);
  }

  private static void awaitAudit(Api api, String admin, String name, Set<String> types) {
    Eventually.await("audit records of " + name, Duration.ofSeconds(30),
        () -> api.get("api/admin/audit?size=100&username=" + name, admin).json().getJsonArray("items").stream()
            .map(v -> v.asJsonObject().getString("type")).collect(Collectors.toSet()),
        seen -> seen.containsAll(types));
  }

  private static Api start(int port, int brokerPort) throws Exception {
    return start(port, brokerPort, Map.of(), true);
  }

  /** Starts run.sh and waits until readiness reports every check (UP, unless {@code mustBeUp} is false). */
  private static Api start(int port, int brokerPort, Map<String, String> extraEnv, boolean mustBeUp)
      throws Exception {
    Path root = Path.of(System.getProperty("dropcart.test.liberty-or-payara")).resolve("../../..").normalize();
    Files.createDirectories(DATA);
    ProcessBuilder pb =
        new ProcessBuilder("bash", "src/main/liberty-or-payara/run.sh")
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(
                DropcartDeployment.work().resolve("restart-server.log").toFile()));
    Map<String, String> env = pb.environment();
    env.put("DROPCART_DATA_DIR", DATA.toString());
    env.put("DROPCART_PORT", Integer.toString(port));
    env.put("DROPCART_BROKER_PORT", Integer.toString(brokerPort));
    env.put("DROPCART_SKIP_BUILD", "1");
    env.put("DROPCART_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("DROPCART_JAVA_OPTS", "-Xmx768m -XX:+UseSerialGC");
    env.put("DROPCART_JOBS_TOKEN_CLEANUP_INTERVAL", "off");
    env.putAll(extraEnv);
    launcher = pb.start();
    Api api = new Api(URI.create("http://localhost:" + port + "/"));
    Eventually.await("Dropcart on port " + port, Duration.ofSeconds(240), () -> {
      if (!launcher.isAlive()) {
        throw new AssertionError("the launcher exited with " + launcher.exitValue()
            + "; see target/it-work/restart-server.log");
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
  private static void killHard() throws Exception {
    long pid = Long.parseLong(Files.readString(DATA.resolve("dropcart.pid")).trim());
    ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
    server.destroyForcibly();
    server.onExit().get();
    launcher.waitFor();
  }

  @AfterAll
  static void stop() throws Exception {
    if (launcher != null && launcher.isAlive()) {
      Path pidFile = DATA.resolve("dropcart.pid");
      if (Files.exists(pidFile)) {
        ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).ifPresent(ProcessHandle::destroyForcibly);
      }
      launcher.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
