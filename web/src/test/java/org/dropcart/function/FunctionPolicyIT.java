package org.dropcart.function;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.Map;
import org.dropcart.support.Api;
import org.dropcart.support.Eventually;
import org.dropcart.support.Faas;
import org.dropcart.support.Launcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The preload policies the shared test server does not run ({@code runtime}, {@code none}) and
 * the bubblewrap sandbox, each on a server of its own started with README's run command.
 *
 * <p>The runtime's dependency step writes a stamp (its shell's pid and the time in ns) and tries
 * the server's port; the function reports the stamp, whether an earlier call's scribbles are
 * there, and what it can reach. Under {@code runtime} the dependency step runs once per version
 * and every call starts from pristine files; under {@code none} it runs for every call. In the
 * sandbox a call sees neither the data directory nor the network, cannot write the system's
 * directories and runs as nobody, while the dependency step keeps the network.
 */
class FunctionPolicyIT {
  private static final String ADMIN_PASSWORD = "function-policy-admin-password";
  private static final Duration CALL_WAIT = Duration.ofSeconds(60);
  private static final String TEST_PY = String.join("\n",
      "import json, os, socket, sys",
      "params = json.load(sys.stdin)",
      "report = {'installed': open('installed').read().strip(), 'depsNet': open('net').read().strip(),",
      "          'scribbled': os.path.exists('scribble'),",
      "          'edited': '\\n# edited by a call\\n' in open('test.py').read(),",
      "          'uid': os.getuid()}",
      "open('scribble', 'w').write('left by a call')",
      "open('test.py', 'a').write('\\n# edited by a call\\n')",
      "try:",
      "    open(os.path.join(params['data'], 'keys', 'jwt-signing-key.pem')).read()",
      "    report['key'] = 'read'",
      "except OSError as e:",
      "    report['key'] = type(e).__name__",
      "try:",
      "    socket.create_connection(('127.0.0.1', params['port']), 2).close()",
      "    report['net'] = 'connected'",
      "except OSError as e:",
      "    report['net'] = type(e).__name__",
      "if params['sandboxed']:",
      "    try:",
      "        open('/usr/dropcart-was-here', 'w')",
      "        report['usr'] = 'written'",
      "    except OSError as e:",
      "        report['usr'] = type(e).__name__",
      "print(json.dumps(report), end='')",
      "");

  private Launcher server;

  @Test
  void underTheRuntimePolicyDependenciesAreInstalledOncePerVersionAndEveryCallStartsPristine() throws Exception {
    Setup s = start("function-runtime", Map.of("DROPCART_FAAS_PRELOAD", "runtime"));
    JsonObject first = call(s, "stamp");
    JsonObject second = call(s, "stamp");
    assertThat(second.getString("installed")).as("the dependency step ran once")
        .isEqualTo(first.getString("installed"));
    for (JsonObject r : new JsonObject[] {first, second}) {
      assertThat(r.getBoolean("scribbled")).as("an earlier call's file").isFalse();
      assertThat(r.getBoolean("edited")).as("an earlier call's edit of the function's file").isFalse();
      assertThat(r.getString("key")).as("no sandbox: a plain process reads what the server's user reads")
          .isEqualTo("read");
    }
    // A new version is prepared (its dependency step run) afresh.
    register(s, "stamp");
    JsonObject third = call(s, "stamp");
    assertThat(third.getString("installed")).isNotEqualTo(first.getString("installed"));
    assertThat(presence(s).getString("policy")).isEqualTo("runtime");
    assertThat(presence(s).getString("sandbox")).isEqualTo("none");
  }

  @Test
  void underTheNonePolicyInTheSandboxEveryCallInstallsItsOwnAndSeesOnlyItsDirectory() throws Exception {
    Setup s = start("function-none-bwrap", Map.of("DROPCART_FAAS_PRELOAD", "none", "DROPCART_FAAS_SANDBOX", "bwrap"));
    JsonObject first = call(s, "stamp");
    JsonObject second = call(s, "stamp");
    assertThat(second.getString("installed")).as("the dependency step ran for each call")
        .isNotEqualTo(first.getString("installed"));
    for (JsonObject r : new JsonObject[] {first, second}) {
      assertThat(r.getBoolean("scribbled")).isFalse();
      assertThat(r.getBoolean("edited")).isFalse();
      assertThat(r.getString("key")).as("the server's signing key").isEqualTo("FileNotFoundError");
      assertThat(r.getString("net")).as("the server's port from a call").isEqualTo("ConnectionRefusedError");
      assertThat(r.getString("depsNet")).as("the server's port from the dependency step").isEqualTo("connected");
      assertThat(r.getString("usr")).isEqualTo("OSError");
      assertThat(r.getInt("uid")).isEqualTo(65534);
    }
    assertThat(presence(s).getString("policy")).isEqualTo("none");
    assertThat(presence(s).getString("sandbox")).isEqualTo("bwrap");
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  private record Setup(Api api, String admin, int port, String data, boolean sandboxed) {}

  private Setup start(String name, Map<String, String> env) throws Exception {
    server = new Launcher(name, ADMIN_PASSWORD);
    server.wipe();
    int port = Launcher.freePort();
    Api api = server.start(port, Launcher.freePort(), env, true);
    String admin = api.logIn("admin", ADMIN_PASSWORD);
    // The dependency step stamps itself and tries the server's port (installing may need a network).
    String deps = "echo $$-$(date +%s%N) > installed; python3 -c \"import socket; socket.create_connection(("
        + "'127.0.0.1', " + port + "), 2)\" && echo connected > net || echo refused > net";
    Api.Reply runtime = api.post("api/faas/registerRuntime", Json.createObjectBuilder().add("name", "stamping")
        .add("dependencies", deps).add("run", "python3 test.py").build().toString(), admin);
    assertThat(runtime.status()).as(runtime.toString()).isEqualTo(201);
    Setup s = new Setup(api, admin, port, server.data().toString(), env.containsKey("DROPCART_FAAS_SANDBOX"));
    register(s, "stamp");
    return s;
  }

  private static void register(Setup s, String function) {
    Api.Reply r = new Faas(s.api()).registerFunction("api/faas/registerFunction/stamping/" + function, "stamp.tar.gz",
        Faas.tarGz(Map.of("test.py", TEST_PY)), s.admin());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  private static JsonObject call(Setup s, String function) {
    Faas faas = new Faas(s.api());
    String params = Json.createObjectBuilder().add("data", s.data()).add("port", s.port())
        .add("sandboxed", s.sandboxed()).build().toString();
    JsonObject done = faas.awaitEnd(faas.invoke(function, params, s.admin()), s.admin(), CALL_WAIT);
    assertThat(done.getString("status")).as(done.toString()).isEqualTo("DONE");
    return Json.createReader(new StringReader(done.getString("result"))).readObject();
  }

  private static JsonObject presence(Setup s) {
    JsonArray present = Eventually.await("the workers' presence", Duration.ofSeconds(15),
        () -> s.api().get("api/registry?prefix=faas/workers/", s.admin()).json().getJsonArray("items"),
        a -> !a.isEmpty());
    return Json.createReader(new StringReader(present.getJsonObject(0).getString("value"))).readObject();
  }
}
