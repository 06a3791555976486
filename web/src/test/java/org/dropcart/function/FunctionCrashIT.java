package org.dropcart.function;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.dropcart.support.Api;
import org.dropcart.support.Api.Reply;
import org.dropcart.support.Eventually;
import org.dropcart.support.Faas;
import org.dropcart.support.Launcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A kill -9 of the server while a call runs: after the restart the call does not stay RUNNING; it
 * is run a second time (attempts 2) and ends DONE with its result.
 */
class FunctionCrashIT {
  private static final String ADMIN_PASSWORD = "faas-crash-admin-password";
  private static final Launcher SERVER = new Launcher("faas-crash", ADMIN_PASSWORD);

  @AfterAll
  static void stop() throws Exception {
    SERVER.stop();
  }

  @Test
  void aCallRunningAtAKillIsRunAgainAfterTheRestart() throws Exception {
    SERVER.wipe();
    int port = Launcher.freePort();
    int brokerPort = Launcher.freePort();
    Map<String, String> env = Map.of("DROPCART_FAAS_NODE", "crash-node", "DROPCART_FAAS_TIMEOUT", "PT60S");
    Api api = SERVER.start(port, brokerPort, env, true);
    String admin = api.logIn("admin", ADMIN_PASSWORD);
    Reply runtime = api.post("registerRuntime", "{\"name\":\"py\",\"run\":\"python3 test.py\"}", admin);
    assertThat(runtime.status()).as(runtime.toString()).isEqualTo(201);
    Faas faas = new Faas(api);
    Reply registered = faas.registerFunction("registerFunction/py/slow", "slow.tar.gz",
        Faas.tarGz(Map.of("test.py", "import time\ntime.sleep(4)\nprint('survived', end='')\n")), admin);
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    long n = faas.invoke("slow", "{}", admin);
    Api before = api;
    Eventually.await("call " + n + " running", Duration.ofSeconds(30),
        () -> before.get("api/faas/call/" + n, admin).json().getString("status"), "RUNNING"::equals);

    SERVER.killHard();

    Api after = SERVER.start(port, brokerPort, env, true);
    String token = after.logIn("admin", ADMIN_PASSWORD);
    JsonObject done = Eventually.await("call " + n + " to end after the restart", Duration.ofSeconds(60),
        () -> after.get("api/faas/call/" + n, token).json(), c -> !c.getString("status").matches("PENDING|RUNNING"));
    assertThat(done.getString("status")).as(done.toString()).isEqualTo("DONE");
    assertThat(done.getString("result")).isEqualTo("survived");
    assertThat(done.getInt("attempts")).isEqualTo(2);
    assertThat(done.getString("worker")).startsWith("crash-node#");
  }
}
