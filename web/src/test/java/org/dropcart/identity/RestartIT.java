package org.dropcart.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jakarta.json.JsonObject;
import org.dropcart.support.Api;
import org.dropcart.support.Faas;
import org.dropcart.support.Launcher;
import org.dropcart.support.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's run command (src/main/liberty-or-payara/run.sh) on its own data directory,
 * kills the server with SIGKILL, starts it again on the same directory, and checks that users,
 * the signing key (so unexpired tokens stay valid), signed-out tokens and the audit log survived,
 * and that a function call running at the kill does not stay RUNNING: it is run a second time
 * (attempts 2) and ends DONE with its result.
 */
class RestartIT {
  private static final String ADMIN_PASSWORD = "restart-admin-password";
  private static final Launcher SERVER = new Launcher("restart", ADMIN_PASSWORD);
  private static final Path DATA = SERVER.data();

  @Test
  void usersKeysRevocationsAndAuditSurviveAKillAndRestart() throws Exception {
    SERVER.wipe();
    int port = Launcher.freePort();
    int brokerPort = Launcher.freePort();

    Map<String, String> env = Map.of("DROPCART_FAAS_NODE", "crash-node", "DROPCART_FAAS_TIMEOUT", "PT60S");
    Api api = SERVER.start(port, brokerPort, env, true);
    String name = Api.uniqueName("survivor");
    String token = api.signUp(name, "survive-the-crash");
    String signedOut = api.logIn(name, "survive-the-crash");
    assertThat(api.put("api/auth/logout/" + name, null, signedOut).status()).isEqualTo(204);
    String admin = api.logIn("admin", ADMIN_PASSWORD);
    awaitAudit(api, admin, name, Set.of("SIGNED_UP", "LOGGED_IN", "LOGGED_OUT"));
    String keyBefore = Files.readString(DATA.resolve("keys/jwt-signing-key.pem"));
    long call = startSlowCall(api, admin);

    SERVER.killHard();
    api = SERVER.start(port, brokerPort, env, true);

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
    Api after = api;
    JsonObject done = Eventually.await("call " + call + " to end after the restart", Duration.ofSeconds(60),
        () -> after.get("api/faas/call/" + call, admin).json(), c -> !c.getString("status").matches("PENDING|RUNNING"));
    assertThat(done.getString("status")).as(done.toString()).isEqualTo("DONE");
    assertThat(done.getString("result")).isEqualTo("survived");
    assertThat(done.getInt("attempts")).isEqualTo(2);
    assertThat(done.getString("worker")).startsWith("crash-node#");

    // Third start with a free-space threshold no disk meets: not ready, yet alive and serving.
    SERVER.killHard();
    api = SERVER.start(port, brokerPort, Map.of("DROPCART_HEALTH_MIN_FREE_SPACE", "1000000TB"), false);
    Api.Reply ready = api.get("health/ready", null);
    assertThat(ready.status()).isEqualTo(503);
    Map<String, String> checks = ready.json().getJsonArray("checks").stream().map(v -> v.asJsonObject())
        .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
    assertThat(checks).containsEntry("volume", "DOWN").containsEntry("database", "UP").containsEntry("application", "UP")
        .containsEntry("broker", "UP").containsEntry("mongo", "UP");
    assertThat(api.get("health/live", null).status()).isEqualTo(200);
    assertThat(api.get("api/auth/validate", token).status()).isEqualTo(200);
  }

  @AfterAll
  static void stop() throws Exception {
    SERVER.stop();
  }

  /** Registers a function that sleeps 4 s and invokes it; returns once the call runs. */
  private static long startSlowCall(Api api, String admin) throws Exception {
    Api.Reply runtime = api.post("registerRuntime", "{\"name\":\"py\",\"run\":\"python3 test.py\"}", admin);
    assertThat(runtime.status()).as(runtime.toString()).isEqualTo(201);
    Faas faas = new Faas(api);
    Api.Reply registered = faas.registerFunction("registerFunction/py/slow", "slow.tar.gz",
        Faas.tarGz(Map.of("test.py", "import time\ntime.sleep(4)\nprint('survived', end='')\n")), admin);
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    long n = faas.invoke("slow", "{}", admin);
    Eventually.await("call " + n + " running", Duration.ofSeconds(30),
        () -> api.get("api/faas/call/" + n, admin).json().getString("status"), "RUNNING"::equals);
    return n;
  }

  private static void awaitAudit(Api api, String admin, String name, Set<String> types) {
    Eventually.await("audit records of " + name, Duration.ofSeconds(30),
        () -> api.get("api/admin/audit?size=100&username=" + name, admin).json().getJsonArray("items").stream()
            .map(v -> v.asJsonObject().getString("type")).collect(Collectors.toSet()),
        seen -> seen.containsAll(types));
  }

}
