package org.dropcart.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dropcart.support.ProblemAssert.assertProblem;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dropcart.support.Api;
import org.dropcart.support.Api.Reply;
import org.dropcart.support.DropcartDeployment;
import org.dropcart.support.Eventually;
import org.dropcart.support.Faas;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Functions with a real {@code python3} runtime on a test server configured with 3 workers, a 4 s
 * timeout, a 4 KiB output cap and the {@code function} preload policy: seed 002's dice example
 * through the seed's root routes, the clean environment and own directory of a call, a timeout that
 * kills the process tree, a non-zero exit, a stdout flood, archives that escape or are no archive,
 * unknown functions and runtimes, admin-only runtimes, versions, parallel workers and their
 * presence in the registry.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FunctionIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return DropcartDeployment.war();
  }

  private static final String RUNTIME = "pythonruntime";
  private static final String DEPENDENCIES = "pip3 install --no-index --quiet --target deps -r requirements.txt";
  private static final Duration CALL_WAIT = Duration.ofSeconds(30);

  private static final String DICE = """
      import json, random, sys
      params = json.load(sys.stdin)
      n, faces = params["roll"].split("d")
      print(json.dumps([random.randint(1, int(faces)) for _ in range(int(n))], separators=(",", ":")), end="")
      """;

  @ArquillianResource private URL base;
  private Api api;
  private Faas faas;
  private String admin;
  private static String user;

  @BeforeEach
  void setUp() {
    api = new Api(base);
    faas = new Faas(api);
    admin = api.adminToken();
    if (user == null) {
      user = api.signUp(Api.uniqueName("faas"), "faas-password-1");
    }
    Reply r = api.post("api/faas/registerRuntime", "{\"image\":\"" + RUNTIME + "\",\"path\":\"/ws\",\"dependencies\":\""
        + DEPENDENCIES + "\",\"run\":\"python3 test.py\"}", admin);
    assertThat(r.status()).as(r.toString()).isIn(200, 201);
  }

  private String register(String name, String testPy) {
    Reply r = faas.registerFunction("api/faas/registerFunction/" + RUNTIME + "/" + name, "python.tar.gz",
        Faas.tarGz(Map.of("test.py", testPy, "requirements.txt", "")), user);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return name;
  }

  @Test
  void theSeedsDiceExampleRunsThroughTheSeedsRootRoutes() {
    Reply runtimes = api.get("runtimes", user);
    assertThat(runtimes.status()).as(runtimes.toString()).isEqualTo(200);
    assertThat(runtimes.jsonArray().getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString)).contains(RUNTIME);

    String name = Api.uniqueName("dice");
    Reply registered = faas.registerFunction("registerFunction/" + RUNTIME + "/" + name, "python.tar.gz",
        Faas.tarGz(Map.of("test.py", DICE, "requirements.txt", "")), user);
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    assertThat(registered.json().getInt("version")).isEqualTo(1);
    assertThat(registered.json().getString("runtimeName")).isEqualTo(RUNTIME);
    assertThat(api.get("functions", user).body()).contains("\"" + name + "\"");

    Reply invoked = api.post("invokeFunction", "{\"funcName\":\"" + name + "\",\"params\":{\"roll\":\"4d6\"}}", user);
    assertThat(invoked.status()).as(invoked.toString()).isEqualTo(202);
    long n = invoked.json().getJsonNumber("callNum").longValue();
    assertThat(invoked.json().getString("status")).isEqualTo("PENDING");
    assertThat(invoked.json().getString("result")).isEmpty();

    JsonObject done = faas.awaitEnd(n, user, CALL_WAIT);
    assertThat(done.getString("status")).as(done.toString()).isEqualTo("DONE");
    assertThat(done.getString("result")).matches("\\[[1-6],[1-6],[1-6],[1-6]\\]");
    assertThat(done.getInt("exitCode")).isZero();
    assertThat(done.getInt("version")).isEqualTo(1);
    assertThat(done.getString("worker")).startsWith("faas-test-node#");
    assertThat(done.getJsonNumber("durationMs").longValue()).isNotNegative();
    assertThat(Instant.parse(done.getString("startedAt"))).isBefore(Instant.now().plusSeconds(1));
    assertThat(done.getJsonObject("params").getString("roll")).isEqualTo("4d6");

    Reply one = api.get("call/" + n, user);
    assertThat(one.status()).as(one.toString()).isEqualTo(200);
    assertThat(one.json().getString("result")).isEqualTo(done.getString("result"));
    Reply all = api.get("calls", user);
    assertThat(all.json().getJsonObject("c" + n).getString("funcName")).isEqualTo(name);
    // Another user does not see it; an admin does.
    String other = api.signUp(Api.uniqueName("faas-other"), "faas-password-2");
    assertProblem(api.get("api/faas/call/" + n, other), 404, "unknown-call");
    assertThat(api.get("api/faas/calls", other).json()).doesNotContainKey("c" + n);
    assertThat(api.get("api/faas/calls", admin).json()).containsKey("c" + n);
    // No token, no call.
    assertThat(api.get("calls", null).status()).isEqualTo(401);
  }

  @Test
  void aCallRunsInItsOwnDirectoryWithACleanEnvironmentAndItsParams() {
    String name = register(Api.uniqueName("env"), """
        import json, os, sys
        stdin = json.load(sys.stdin)
        print(json.dumps({"env": sorted(os.environ.keys()), "params": os.environ["DROPCART_PARAMS"],
                          "stdin": stdin, "cwd": os.getcwd(), "files": sorted(os.listdir("."))}))
        """);
    long n = faas.invoke(name, "{\"a\":[1,2],\"b\":\"é\"}", user);
    JsonObject done = faas.awaitEnd(n, user, CALL_WAIT);
    assertThat(done.getString("status")).as(done.toString()).isEqualTo("DONE");
    JsonObject seen = jakarta.json.Json.createReader(new java.io.StringReader(done.getString("result"))).readObject();
    assertThat(seen.getJsonObject("stdin").getString("b")).isEqualTo("é");
    assertThat(seen.getString("params")).isEqualTo(seen.getJsonObject("stdin").toString());
    assertThat(seen.getString("cwd")).endsWith("/calls/" + n);
    // The function's files, and what the dependency step installed (pip --target deps).
    assertThat(seen.getJsonArray("files").toString()).contains("\"test.py\"", "\"requirements.txt\"", "\"deps\"");
    Set<String> allowed = Set.of("PATH", "LANG", "HOME", "TMPDIR", "PWD", "SHLVL", "_", "OLDPWD", "LC_CTYPE");
    List<String> env = seen.getJsonArray("env").getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString).toList();
    assertThat(env).allMatch(k -> allowed.contains(k) || k.startsWith("DROPCART_"), "only the call's own variables");
    assertThat(env).contains("DROPCART_PARAMS", "DROPCART_CALL", "DROPCART_FUNCTION", "DROPCART_VERSION");
  }

  @Test
  void aCallThatRunsPastTheTimeoutIsKilledWithItsChildren() {
    String name = register(Api.uniqueName("sleepy"), """
        import subprocess, sys, time
        child = subprocess.Popen(["sleep", "600"])
        print(child.pid, flush=True)
        time.sleep(600)
        """);
    long started = System.nanoTime();
    long n = faas.invoke(name, "{}", user);
    JsonObject done = faas.awaitEnd(n, user, CALL_WAIT);
    assertThat(done.getString("status")).as(done.toString()).isEqualTo("TIMEOUT");
    assertThat(done.getString("reason")).contains("dropcart.faas.timeout");
    assertThat(Api.isNull(done, "exitCode")).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    long child = Long.parseLong(done.getString("result").trim());
    Eventually.await("the function's child process to be gone", Duration.ofSeconds(5),
        () -> ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), alive -> !alive);
  }

  @Test
  void aNonZeroExitFailsTheCallWithItsCodeAndStderr() {
    String name = register(Api.uniqueName("fails"), """
        import sys
        print("partial")
        sys.stderr.write("boom: no such dice\\n")
        sys.exit(3)
        """);
    JsonObject done = faas.awaitEnd(faas.invoke(name, "{}", user), user, CALL_WAIT);
    assertThat(done.getString("status")).as(done.toString()).isEqualTo("FAILED");
    assertThat(done.getInt("exitCode")).isEqualTo(3);
    assertThat(done.getString("stderr")).contains("boom: no such dice");
    assertThat(done.getString("reason")).contains("exited with code 3");
    assertThat(done.getString("result")).isEqualTo("partial\n");
  }

  @Test
  void aFloodOfOutputIsCappedAndTheCallStillEnds() {
    String name = register(Api.uniqueName("flood"), """
        import sys
        chunk = "x" * 65536
        for _ in range(128):
            sys.stdout.write(chunk)
        sys.stderr.write("e" * 100000)
        """);
    JsonObject done = faas.awaitEnd(faas.invoke(name, "{}", user), user, CALL_WAIT);
    assertThat(done.getString("status")).as(done.toString().substring(0, 300)).isEqualTo("DONE");
    assertThat(done.getString("result")).hasSize(4096);
    assertThat(done.getBoolean("resultTruncated")).isTrue();
    assertThat(done.getString("stderr").length()).isLessThanOrEqualTo(8192);
  }

  @Test
  void archivesThatEscapeTheirDirectoryOrAreNoArchivesAreRefused() {
    String name = Api.uniqueName("evil");
    Map<String, String> slip = new LinkedHashMap<>();
    slip.put("test.py", "print(1)");
    slip.put("../../../../escaped.py", "print('pwned')");
    assertProblem(faas.registerFunction("api/faas/registerFunction/" + RUNTIME + "/" + name, "evil.tar.gz",
        Faas.tarGz(slip), user), 400, "bad-archive");
    assertProblem(faas.registerFunction("api/faas/registerFunction/" + RUNTIME + "/" + name, "evil.zip",
        Faas.zip(slip), user), 400, "bad-archive");
    Reply notAnArchive = faas.registerFunction("api/faas/registerFunction/" + RUNTIME + "/" + name, "test.py",
        "print(1)\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), user);
    assertProblem(notAnArchive, 400, "bad-archive");
    assertThat(notAnArchive.json().getString("detail")).contains("not a zip or tar.gz");
    assertThat(api.get("api/faas/functions", user).body()).doesNotContain(name);
    assertThat(java.nio.file.Files.exists(DropcartDeployment.dataDirectory().resolve("volume/escaped.py"))).isFalse();
    assertProblem(api.send("POST", "api/faas/registerFunction/" + RUNTIME + "/" + name,
        "multipart/form-data; boundary=x", java.net.http.HttpRequest.BodyPublishers.ofString("--x--\r\n"), user),
        400, "bad-request"); // no `module` part: Jersey refuses the form before the resource runs
    assertProblem(faas.registerFunction("api/faas/registerFunction/" + RUNTIME + "/x..y", "python.tar.gz",
        Faas.tarGz(Map.of("test.py", "print(1)")), user), 400, "invalid-input");
  }

  @Test
  void unknownFunctionsAndRuntimesAndNonAdminsAreRefusedPrecisely() {
    assertProblem(api.post("api/faas/invokeFunction", "{\"funcName\":\"no-such-function\",\"params\":{}}", user),
        404, "unknown-function");
    assertProblem(api.post("invokeFunction", "{\"params\":{}}", user), 400, "invalid-input");
    assertProblem(faas.registerFunction("api/faas/registerFunction/no-such-runtime/" + Api.uniqueName("orphan"),
        "python.tar.gz", Faas.tarGz(Map.of("test.py", "print(1)")), user), 400, "unknown-runtime");
    assertProblem(api.post("registerRuntime", "{\"name\":\"mine\",\"run\":\"python3 test.py\"}", user), 403,
        "forbidden");
    assertThat(api.get("api/faas/runtimes", user).body()).doesNotContain("\"mine\"");
    assertProblem(api.post("api/faas/registerRuntime", "{\"name\":\"norun\"}", admin), 400, "invalid-input");
    assertProblem(api.get("api/faas/call/999999999", user), 404, "unknown-call");
    assertProblem(api.get("api/faas/call/abc", user), 400, "invalid-input");
  }

  @Test
  void registeringANameAgainMakesTheNextVersionAndCallsRecordIt() {
    String name = register(Api.uniqueName("versioned"), "print('one', end='')");
    Reply second = faas.registerFunction("api/faas/registerFunction/" + RUNTIME + "/" + name, "python.zip",
        Faas.zip(Map.of("test.py", "print('two', end='')", "requirements.txt", "")), user);
    assertThat(second.status()).as(second.toString()).isEqualTo(201);
    assertThat(second.json().getInt("version")).isEqualTo(2);
    Reply sync = api.post("api/faas/invokeFunction?sync=true", "{\"funcName\":\"" + name + "\"}", user);
    assertThat(sync.status()).as(sync.toString()).isEqualTo(200);
    assertThat(sync.json().getString("status")).isEqualTo("DONE");
    assertThat(sync.json().getString("result")).isEqualTo("two");
    assertThat(sync.json().getInt("version")).isEqualTo(2);
  }

  @Test
  void callsRunInParallelOnTheConfiguredWorkersAndTheWorkersShowInTheRegistry() {
    String name = register(Api.uniqueName("parallel"), "import time\ntime.sleep(1.5)\nprint('ok', end='')\n");
    faas.awaitEnd(faas.invoke(name, "{}", user), user, CALL_WAIT); // prepared once
    List<Long> calls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      calls.add(faas.invoke(name, "{\"i\":" + i + "}", user));
    }
    List<JsonObject> done = calls.stream().map(n -> faas.awaitEnd(n, user, CALL_WAIT)).toList();
    assertThat(done).allMatch(c -> c.getString("status").equals("DONE"));
    Set<String> workers = done.stream().map(c -> c.getString("worker")).collect(Collectors.toSet());
    assertThat(workers).hasSizeBetween(2, 3);
    // Never more than the 3 configured workers at once, and more than one at a time.
    List<long[]> spans = done.stream().map(c -> new long[] {Instant.parse(c.getString("startedAt")).toEpochMilli(),
        Instant.parse(c.getString("startedAt")).toEpochMilli() + c.getJsonNumber("durationMs").longValue()}).toList();
    int most = 0;
    for (long[] s : spans) {
      int at = (int) spans.stream().filter(o -> o[0] <= s[0] && s[0] < o[1]).count();
      most = Math.max(most, at);
    }
    assertThat(most).isBetween(2, 3);

    JsonArray present = Eventually.await("the workers' presence", Duration.ofSeconds(15),
        () -> api.get("api/registry?prefix=faas/workers/", admin).json().getJsonArray("items"), a -> !a.isEmpty());
    JsonObject me = jakarta.json.Json.createReader(new java.io.StringReader(
        present.getJsonObject(0).getString("value"))).readObject();
    assertThat(me.getString("policy")).isEqualTo("function");
    assertThat(me.getInt("workers")).isEqualTo(3);
    assertThat(present.getJsonObject(0).get("expiresAt")).isNotEqualTo(JsonValue.NULL);
  }
}
