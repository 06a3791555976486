package org.dropcart.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dropcart.support.Api;
import org.dropcart.support.Launcher;
import org.dropcart.support.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's run command (src/main/liberty-or-payara/run.sh) on its own data directory,
 * kills the server with SIGKILL, starts it again on the same directory, and checks that users,
 * the signing key (so unexpired tokens stay valid), signed-out tokens and the audit log survived.
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

    Api api = SERVER.start(port, brokerPort);
    String name = Api.uniqueName("survivor");
    String token = api.signUp(name, "survive-the-crash");
    String signedOut = api.logIn(name, "survive-the-crash");
    assertThat(api.put("api/auth/logout/" + name, null, signedOut).status()).isEqualTo(204);
    String admin = api.logIn("admin", ADMIN_PASSWORD);
    awaitAudit(api, admin, name, Set.of("SIGNED_UP", "LOGGED_IN", "LOGGED_OUT"));
    String keyBefore = Files.readString(DATA.resolve("keys/jwt-signing-key.pem"));

    SERVER.killHard();
    api = SERVER.start(port, brokerPort);

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

  private static void awaitAudit(Api api, String admin, String name, Set<String> types) {
    Eventually.await("audit records of " + name, Duration.ofSeconds(30),
        () -> api.get("api/admin/audit?size=100&username=" + name, admin).json().getJsonArray("items").stream()
            .map(v -> v.asJsonObject().getString("type")).collect(Collectors.toSet()),
        seen -> seen.containsAll(types));
  }

}
