package org.dropcart.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dropcart.support.Api;
import org.dropcart.support.Api.Reply;
import org.dropcart.support.ForgedTokens;
import org.dropcart.support.Groups;
import org.dropcart.support.Launcher;
import org.dropcart.support.SocketClient;
import org.dropcart.support.Tus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * No secret reaches the log. The README's run command starts Dropcart with an admin password and
 * an S3 secret key from its environment; then every flow that carries a secret runs once: sign-up,
 * wrong and right passwords, bearer tokens in headers and in the socket's {@code ?access_token=},
 * sign-out, a pool processor's secret, a signed-link token in a query, a tus upload. The server is
 * stopped (so its log is complete) and the whole log is searched for every one of those secrets,
 * and for the signing key. The key file itself must be readable by its owner only.
 */
class SecretsInLogsIT {
  private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();
  private static final Launcher SERVER = new Launcher("secrets", ADMIN_PASSWORD);

  @Test
  void noPasswordTokenOrSecretIsEverLogged() throws Exception {
    SERVER.wipe();
    String s3Secret = "s3-" + UUID.randomUUID();
    Api api = SERVER.start(Launcher.freePort(), Launcher.freePort(),
        Map.of("DROPCART_IMPORTS_S3_SECRET_KEY", s3Secret, "DROPCART_IMPORTS_S3_ACCESS_KEY", "s3-access-key"), true);
    List<String> secrets = new ArrayList<>(List.of(ADMIN_PASSWORD, s3Secret));

    String name = Api.uniqueName("secretive");
    String password = "pw-" + UUID.randomUUID();
    String wrongPassword = "wrong-" + UUID.randomUUID();
    secrets.add(password);
    secrets.add(wrongPassword);
    String signUpToken = api.signUp(name, password);
    Reply refused = api.put("api/auth/login/" + name, Api.password(wrongPassword), null);
    assertThat(refused.status()).isEqualTo(401);
    String token = api.logIn(name, password);
    String admin = api.logIn("admin", ADMIN_PASSWORD);
    secrets.addAll(List.of(signUpToken, token, admin));
    assertThat(api.get("api/auth/validate", token).status()).isEqualTo(200);
    Reply viaBody = api.post("api/auth/token", Api.credentials(name, password), null);
    assertThat(viaBody.status()).as(viaBody.toString()).isEqualTo(200);
    secrets.add(viaBody.json().getString("access_token"));

    String processorSecret = "processor-" + UUID.randomUUID();
    secrets.add(processorSecret);
    String pool = Groups.pool(api, admin, "PT2S", "next", name);
    Reply processor = api.put("api/pools/" + pool + "/processor", Json.createObjectBuilder()
        .add("url", "http://127.0.0.1:9/groups").add("secret", processorSecret).add("trigger", "manual").build()
        .toString(), admin);
    assertThat(processor.status()).as(processor.toString()).isIn(200, 201);

    String file = Groups.send(api, token, pool, "secret.csv", Instant.now(), 2);
    Tus.awaitSettled(api, token, pool, file);
    try (SocketClient socket = SocketClient.connect(api.base(), token)) {
      socket.send(Json.createObjectBuilder().add("type", "alive").build());
    }
    String linkToken = "link-" + UUID.randomUUID();
    secrets.add(linkToken);
    assertThat(api.get("api/processor/groups?token=" + linkToken, null).status()).isIn(401, 403);
    // A refused token (its payload altered) is not logged either.
    String altered = ForgedTokens.tampered(token, p -> p.insert(1, "\"x\":1,"));
    secrets.add(altered);
    assertThat(api.get("api/auth/validate", altered).status()).isEqualTo(401);
    assertThat(api.put("api/auth/logout/" + name, null, token).status()).isEqualTo(204);

    Path key = SERVER.data().resolve("keys/jwt-signing-key.pem");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    String pem = Files.readString(key);
    secrets.add(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "").substring(0, 64));

    SERVER.stop();
    String log = Files.readString(SERVER.log(), StandardCharsets.UTF_8);
    assertThat(log).as("the server's log").contains("ready in");
    for (String secret : secrets) {
      // A token is caught by its signature too, should a log line split it at its dots.
      String probe = secret.contains(".") ? secret.substring(secret.lastIndexOf('.') + 1) : secret;
      assertThat(log).as("the log holds a secret (%s…)", secret.substring(0, Math.min(8, secret.length())))
          .doesNotContain(secret).doesNotContain(probe);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    SERVER.stop();
  }
}
