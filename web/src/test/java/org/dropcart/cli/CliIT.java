package org.dropcart.cli;

import static org.assertj.core.api.Assertions.assertThat;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dropcart.cli.CliRunner.Run;
import org.dropcart.support.Api;
import org.dropcart.support.Carts;
import org.dropcart.support.DropcartDeployment;
import org.dropcart.support.Eventually;
import org.dropcart.support.Tus;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code dropcart} CLI, its real jar run as a separate process against a running Dropcart:
 * login (and a wrong password), an upload stopped midway and resumed by a second run that sends
 * only the rest, the files / history / download round trip, carts, an import, {@code --json}
 * output, the exit codes of 401, 403 and 404, and the functions commands.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CliIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return DropcartDeployment.war();
  }

  @ArquillianResource private URL base;

  private static final String PASSWORD = "cli-password-1";
  private static final int MIB = 1024 * 1024;

  private Api api() {
    return new Api(base);
  }

  private String server() {
    return base.toString();
  }

  private static CliRunner cli(String name) {
    return new CliRunner(DropcartDeployment.work().resolve("cli").resolve(Api.uniqueName(name)));
  }

  /** A new user in a new pool, logged in through a CLI with a config directory of its own. */
  private record Member(String token, String pool, CliRunner cli) {}

  private Member member(String prefix) {
    Api api = api();
    String user = Api.uniqueName(prefix);
    String token = api.signUp(user, PASSWORD);
    String pool = api.poolWith(api.adminToken(), user);
    CliRunner cli = cli(prefix);
    cli.login(server(), user, PASSWORD);
    return new Member(token, pool, cli);
  }

  @Test
  void logsInKeepsTheTokenPrivateAndMapsAuthErrorsToExitCodes() throws Exception {
    Api api = api();
    String user = Api.uniqueName("cli-user");
    api.signUp(user, PASSWORD);
    CliRunner cli = cli("login");

    cli.runWithInput("not-the-password\n", "login", "--server", server(), "-u", user, "--password-stdin")
        .assertOneLineError(3);
    assertThat(cli.run("pools").err()).isNotEmpty();
    cli.run("pools", "--server", server()).assertOneLineError(3); // not logged in

    cli.login(server(), user, PASSWORD);
    Path config = cli.configDir().resolve("config.json");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
    JsonObject saved = Json.createReader(new java.io.StringReader(Files.readString(config))).readObject();
    assertThat(saved.getString("server")).isEqualTo(server());
    String token = saved.getString("token");

    // The server is remembered: no --server from now on.
    Run whoami = cli.run("whoami", "--json");
    assertThat(whoami.exit()).as(whoami.toString()).isZero();
    assertThat(whoami.json().getString("username")).isEqualTo(user);
    Run pools = cli.run("pools", "--json");
    assertThat(pools.exit()).as(pools.toString()).isZero();
    assertThat(pools.json().getJsonArray("items")).isEmpty();
    assertThat(cli.run("pools").out()).startsWith("ID ");

    cli.run("admin", "jobs").assertOneLineError(3); // 403 for a user
    Run missing = cli.run("download", "no-such-file").assertOneLineError(4);
    assertThat(missing.err()).contains("404");
    cli.run("carts", "status", "no-such-cart").assertOneLineError(4);
    cli.run("import", "--status", "no-such-import").assertOneLineError(4);
    cli.run("upload", "does-not-exist.bin", "--pool", "p").assertOneLineError(2);
    cli.run("files").assertOneLineError(2); // --pool missing

    Run help = cli.run("upload", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("--pool").contains("--timestamp");
    assertThat(cli.run("--help").out()).contains("Exit codes:");
    assertThat(cli.run("--version").out()).startsWith("dropcart ");

    Run logout = cli.run("logout");
    assertThat(logout.exit()).as(logout.toString()).isZero();
    cli.run("whoami").assertOneLineError(3); // no token kept
    Run revoked = cli.env("DROPCART_TOKEN", token).run("whoami").assertOneLineError(3); // 401 token-revoked
    assertThat(revoked.err()).contains("401").contains("token-revoked");

    cli.env("DROPCART_TOKEN", "").run("pools", "--server", "http://127.0.0.1:1").assertOneLineError(3);
    CliRunner nowhere = cli("nowhere").env("DROPCART_TOKEN", "x");
    nowhere.run("pools", "--server", "http://127.0.0.1:1").assertOneLineError(7);
  }

  @Test
  void anInterruptedUploadIsResumedByTheNextRunAndTheBytesComeBackIdentical() throws Exception {
    Api api = api();
    Member member = member("cli-up");
    String token = member.token();
    String pool = member.pool();
    CliRunner cli = member.cli();

    byte[] bytes = new byte[12 * MIB + 12_345];
    new Random(8).nextBytes(bytes);
    Path file = cli.workDir().resolve("readings.bin");
    Files.write(file, bytes);
    String[] upload = {"upload", file.toString(), "--pool", pool, "--timestamp", "2026-11-23T10:00:00Z",
        "--request-size", Integer.toString(MIB), "--json"};

    // First run: stopped abruptly (as by a kill) once 5 MiB are acknowledged.
    String[] stopping = java.util.Arrays.copyOf(upload, upload.length + 2);
    stopping[upload.length] = "--x-stop-after-bytes";
    stopping[upload.length + 1] = Integer.toString(5 * MIB);
    long started = System.nanoTime();
    Run first = cli.run(stopping);
    assertThat(first.exit()).as(first.toString()).isEqualTo(99);
    JsonObject pending = Json.createReader(new java.io.StringReader(
        Files.readString(cli.configDir().resolve("uploads.json")))).readObject();
    assertThat(pending).hasSize(1);
    String location = ((jakarta.json.JsonString) pending.values().iterator().next()).getString();
    assertThat(Tus.headOffset(api, location, token)).isEqualTo(5L * MIB);

    // Second run: the same command resumes at the server's offset and sends only the rest.
    Run second = cli.run(upload);
    assertThat(second.exit()).as(second.toString()).isZero();
    JsonObject done = second.jsonArray().getJsonObject(0);
    assertThat(done.getJsonNumber("resumedFrom").longValue()).isEqualTo(5L * MIB);
    assertThat(done.getJsonNumber("sent").longValue()).isEqualTo(bytes.length - 5L * MIB);
    assertThat(done.getBoolean("requestChecksums")).isTrue();
    assertThat(done.getString("uploadUrl")).isEqualTo(location);
    String fileName = done.getString("fileName");
    assertThat(fileName).isEqualTo(Tus.idOf(location));
    assertThat(Files.readString(cli.configDir().resolve("uploads.json")).strip()).isEqualTo("{}");
    System.out.printf("CLI upload of %d bytes in two runs: %d ms%n", bytes.length,
        (System.nanoTime() - started) / 1_000_000);

    // files, history, download: the same bytes back, checked against the server's SHA-256.
    JsonObject entry = Eventually.await("stored " + fileName, Duration.ofSeconds(60),
        () -> findFile(cli.run("files", "--pool", pool, "--json"), fileName), e -> e != null);
    assertThat(entry.getString("activity")).isEqualTo("STORED");
    assertThat(entry.getJsonNumber("size").longValue()).isEqualTo(bytes.length);
    assertThat(entry.getString("timestamp")).isEqualTo("2026-11-23T10:00:00Z");
    assertThat(entry.getString("name")).isEqualTo("readings.bin");
    assertThat(cli.run("files", "--pool", pool).out()).contains(fileName).contains("readings.bin");

    Run history = cli.run("history", "--pool", pool, "--json");
    assertThat(history.exit()).as(history.toString()).isZero();
    assertThat(findFile(history, fileName)).isNotNull();
    Run byClient = cli.run("history", entry.getString("clientId"));
    assertThat(byClient.out()).contains(fileName);

    Run download = cli.run("download", fileName, "-o", "back.bin", "--json");
    assertThat(download.exit()).as(download.toString()).isZero();
    assertThat(download.json().getString("sha256")).isEqualTo(entry.getString("sha256"));
    assertThat(Files.readAllBytes(cli.workDir().resolve("back.bin"))).isEqualTo(bytes);

    // An upload left longer than the server keeps it (dropcart.upload.expiration, PT6S in tests)
    // cannot be resumed: the next run says so and sends the file again from the start.
    Path late = cli.workDir().resolve("late.bin");
    Files.write(late, java.util.Arrays.copyOf(bytes, 2 * MIB + 1));
    String[] lateUpload = {"upload", late.toString(), "--pool", pool, "--request-size", Integer.toString(MIB),
        "--json"};
    String[] lateStopping = java.util.Arrays.copyOf(lateUpload, lateUpload.length + 2);
    lateStopping[lateUpload.length] = "--x-stop-after-bytes";
    lateStopping[lateUpload.length + 1] = Integer.toString(MIB);
    assertThat(cli.run(lateStopping).exit()).isEqualTo(99);
    Thread.sleep(8_000);
    Run again = cli.run(lateUpload);
    assertThat(again.exit()).as(again.toString()).isZero();
    assertThat(again.err()).contains("cannot be resumed (HTTP 410)");
    assertThat(again.jsonArray().getJsonObject(0).getJsonNumber("resumedFrom").longValue()).isZero();
    assertThat(again.jsonArray().getJsonObject(0).getJsonNumber("sent").longValue()).isEqualTo(2L * MIB + 1);
  }

  @Test
  void cartsAndImportsFromTheCommandLine() throws Exception {
    Api api = api();
    Member member = member("cli-cart");
    String token = member.token();
    String pool = member.pool();
    CliRunner cli = member.cli();

    Path small = cli.workDir().resolve("notes.txt");
    Files.writeString(small, "cart me, please\n");
    Run up = cli.run("upload", small.toString(), "--pool", pool, "--json");
    assertThat(up.exit()).as(up.toString()).isZero();
    String fileName = up.jsonArray().getJsonObject(0).getString("fileName");
    Tus.awaitSettled(api, token, pool, fileName);

    String uid = "cli-cart-" + Long.toString(System.nanoTime(), 36);
    Run created = cli.run("carts", "create", fileName + "=a/b/notes.txt", "--uid", uid, "--wait", "--json");
    assertThat(created.exit()).as(created.toString()).isZero();
    assertThat(created.json().getString("uid")).isEqualTo(uid);
    assertThat(created.json().getString("status")).isEqualTo("ready");
    Run status = cli.run("carts", "status", uid, "--json");
    assertThat(status.exit()).as(status.toString()).isZero();
    assertThat(status.json().getString("status")).isEqualTo("ready");
    assertThat(cli.run("carts", "list").out()).contains(uid);

    Run get = cli.run("carts", "get", uid, "--name", "mine.tar", "-o", "cart.tar");
    assertThat(get.exit()).as(get.toString()).isZero();
    Map<String, byte[]> entries = Carts.entries(Files.readAllBytes(cli.workDir().resolve("cart.tar")));
    assertThat(entries).containsOnlyKeys("mine/a/b/notes.txt");
    assertThat(new String(entries.get("mine/a/b/notes.txt"), StandardCharsets.UTF_8)).isEqualTo("cart me, please\n");

    Run deleted = cli.run("carts", "delete", uid);
    assertThat(deleted.exit()).as(deleted.toString()).isZero();
    cli.run("carts", "status", uid).assertOneLineError(4);
    cli.run("carts", "create", "no-such-file").assertOneLineError(4);

    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] served = "imported through the CLI\n".getBytes(StandardCharsets.UTF_8);
    server.createContext("/data.txt", exchange -> {
      exchange.sendResponseHeaders(200, served.length);
      exchange.getResponseBody().write(served);
      exchange.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/data.txt";
      Run imported = cli.run("import", url, "--pool", pool, "--timestamp", "2026-11-23T11:00:00Z", "--wait",
          "--json");
      assertThat(imported.exit()).as(imported.toString()).isZero();
      assertThat(imported.json().getJsonObject("import").getString("status")).isEqualTo("done");
      JsonArray files = imported.json().getJsonObject("files").getJsonArray("items");
      assertThat(files).hasSize(1);
      assertThat(files.getJsonObject(0).getJsonNumber("size").longValue()).isEqualTo(served.length);
      Run bad = cli.run("import", "ftp://example.invalid/x", "--pool", pool).assertOneLineError(5);
      assertThat(bad.err()).contains("400");
    } finally {
      server.stop(0);
    }
  }

  private static JsonObject findFile(Run listing, String fileName) {
    assertThat(listing.exit()).as(listing.toString()).isZero();
    for (JsonValue v : listing.json().getJsonArray("items")) {
      if (fileName.equals(v.asJsonObject().getString("fileName"))) {
        return v.asJsonObject();
      }
    }
    return null;
  }

  /** {@code dropcart faas …}: seed 002's dice example on a real {@code python3} runtime. */
  @Test
  void registersARuntimeAndAFunctionInvokesItAndReadsTheCalls() throws Exception {
    CliRunner cli = new CliRunner(DropcartDeployment.work().resolve("cli").resolve(Api.uniqueName("faas")));
    Run login = cli.env("DROPCART_PASSWORD", DropcartDeployment.ADMIN_PASSWORD)
        .run("login", "--server", base.toString(), "-u", "admin");
    assertThat(login.exit()).as(login.toString()).isZero();

    String runtime = Api.uniqueName("py");
    String function = Api.uniqueName("dice");
    Run registered = cli.run("faas", "runtime", runtime, "--path", "/", "--dependencies", "true",
        "--run", "python3 test.py");
    assertThat(registered.exit()).as(registered.toString()).isZero();
    Run runtimes = cli.run("faas", "runtime", "--json");
    assertThat(runtimes.exit()).as(runtimes.toString()).isZero();
    assertThat(runtimes.jsonArray().getValuesAs(jakarta.json.JsonString::getString)).contains(runtime);

    Path zip = cli.workDir().resolve("dice.zip");
    try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
      out.putNextEntry(new ZipEntry("test.py"));
      out.write("""
          import json, random, sys
          params = json.load(sys.stdin)
          print(random.randint(1, int(params.get("sides", 6))))
          """.getBytes(StandardCharsets.UTF_8));
      out.putNextEntry(new ZipEntry("requirements.txt"));
      out.closeEntry();
    }
    Run uploaded = cli.run("faas", "function", runtime, function, zip.toString());
    assertThat(uploaded.exit()).as(uploaded.toString()).isZero();
    Run functions = cli.run("faas", "function", "--json");
    assertThat(functions.jsonArray().getValuesAs(jakarta.json.JsonString::getString)).contains(function);

    Run invoked = cli.run("faas", "invoke", function, "--params", "{\"sides\":6}", "--wait", "--json");
    assertThat(invoked.exit()).as(invoked.toString()).isZero();
    JsonObject call = invoked.json();
    assertThat(call.getString("status")).isEqualTo("DONE");
    int roll = Integer.parseInt(call.getString("result").strip());
    assertThat(roll).isBetween(1, 6);
    String callNum = call.get("callNum").toString().replace("\"", "");

    Run one = cli.run("faas", "call", callNum, "--json");
    assertThat(one.exit()).as(one.toString()).isZero();
    assertThat(one.json().getString("status")).isEqualTo("DONE");
    Run calls = cli.run("faas", "calls", "--json");
    assertThat(calls.exit()).as(calls.toString()).isZero();
    assertThat(calls.json().values().stream().map(JsonValue::asJsonObject)
        .anyMatch(c -> c.get("callNum").toString().replace("\"", "").equals(callNum))).isTrue();
    assertThat(cli.run("faas", "calls").out()).contains(function);

    cli.run("faas", "invoke", Api.uniqueName("no-such-function")).assertOneLineError(4);
    cli.run("faas", "invoke", function, "--params", "{not json").assertOneLineError(2);
  }
}
