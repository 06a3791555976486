package org.dropcart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dropcart.cli.CliRunner.Run;
import org.dropcart.support.Api;
import org.dropcart.support.DropcartDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code dropcart faas …} against the functions API of issue 8 (runtimes, functions, calls), with
 * seed 002's dice example on a real {@code python3} runtime. Needs the server side of the
 * functions (built on its own branch): this class passes once both are merged.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CliFaasIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return DropcartDeployment.war();
  }

  @ArquillianResource private URL base;

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
