package org.dropcart.cli;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.FileNotFoundException;
import java.io.StringReader;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Functions (seed 002's FaaS) at {@code /api/faas/}: runtimes, functions, calls. */
@Command(name = "faas", mixinStandardHelpOptions = true,
    description = "Functions: runtimes, functions uploaded as archives, calls.",
    subcommands = {FaasCommand.Runtime.class, FaasCommand.Function.class, FaasCommand.Invoke.class,
        FaasCommand.Calls.class, FaasCommand.Call.class})
final class FaasCommand implements Runnable {
  static final Set<String> ENDED = Set.of("DONE", "FAILED", "TIMEOUT");

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  static Table callTable() {
    return Table.of("CALL", "FUNCTION", "VERSION", "STATUS", "EXIT", "MS", "RESULT");
  }

  static void callRow(Table t, JsonObject c) {
    t.row(Fields.str(c, "callNum"), Fields.str(c, "funcName"), Fields.str(c, "version"), Fields.str(c, "status"),
        Fields.str(c, "exitCode"), Fields.str(c, "durationMs"), Fields.str(c, "result").strip());
  }

  static int callExit(JsonObject c) {
    String status = Fields.str(c, "status");
    return "FAILED".equals(status) || "TIMEOUT".equals(status) ? ExitCode.CALL_FAILED : ExitCode.OK;
  }

  /** Long-polls {@code /api/faas/calls/{n}/wait} until the call has ended or the timeout passed. */
  static Api.Reply await(Api api, String callNum, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Api.Reply r;
    do {
      long left = Math.max(1, Math.min(30, (deadline - System.nanoTime()) / 1_000_000_000L));
      r = api.get("api/faas/calls/" + Api.segment(callNum) + "/wait?timeout=" + left);
    } while (!ENDED.contains(Fields.str(r.json(), "status")) && System.nanoTime() < deadline);
    return r;
  }

  @Command(name = "runtime", mixinStandardHelpOptions = true,
      description = {"Without NAME: the runtimes' names. With NAME: register a runtime (admin).",
          "--dependencies runs once in a function's directory to install what it needs; --run starts it."})
  static final class Runtime extends BaseCommand {
    @Parameters(arity = "0..1", paramLabel = "NAME") String name;
    @Option(names = "--image", description = "Container image (optional)") String image;
    @Option(names = "--path", description = "Path of the function inside the runtime") String path;
    @Option(names = "--dependencies", description = "Command installing a function's dependencies") String dependencies;
    @Option(names = "--run", description = "Command running a function") String run;

    @Override
    protected int run() {
      Api api = api();
      if (name == null) {
        Api.Reply r = api.get("api/faas/runtimes");
        return print(r, () -> names("RUNTIME", r));
      }
      jakarta.json.JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder().add("name", name);
      add(b, "image", image);
      add(b, "path", path);
      add(b, "dependencies", dependencies);
      add(b, "run", run);
      Api.Reply r = api.postJson("api/faas/registerRuntime", b.build());
      if (json) {
        out().println(r.body().isBlank() ? "{\"name\":\"" + name + "\"}" : r.body());
      } else {
        out().println("Registered runtime " + name);
      }
      out().flush();
      return ExitCode.OK;
    }

    private static void add(jakarta.json.JsonObjectBuilder b, String key, String value) {
      if (value != null) {
        b.add(key, value);
      }
    }
  }

  static Table names(String header, Api.Reply r) {
    Table t = Table.of(header);
    for (JsonValue v : r.jsonArray()) {
      t.row(v instanceof jakarta.json.JsonString s ? s.getString() : v.toString());
    }
    return t;
  }

  @Command(name = "function", mixinStandardHelpOptions = true,
      description = {"Without arguments: the functions' names.",
          "With RUNTIME NAME ARCHIVE: register a function (a zip or tar.gz; again under a name makes a new version)."})
  static final class Function extends BaseCommand {
    @Parameters(arity = "0..3", paramLabel = "RUNTIME NAME ARCHIVE") java.util.List<String> args;

    @Override
    protected int run() throws java.io.IOException {
      Api api = api();
      if (args == null || args.isEmpty()) {
        Api.Reply r = api.get("api/faas/functions");
        return print(r, () -> names("FUNCTION", r));
      }
      if (args.size() != 3) {
        throw CliException.usage("give RUNTIME NAME ARCHIVE to register a function");
      }
      Path archive = Path.of(args.get(2));
      if (!Files.isRegularFile(archive)) {
        throw CliException.usage("not a file: " + archive);
      }
      String boundary = "dropcart-" + UUID.randomUUID();
      String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"module\"; filename=\""
          + archive.getFileName().toString().replace("\"", "") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
      String tail = "\r\n--" + boundary + "--\r\n";
      try {
        Api.Reply r = api.post("api/faas/registerFunction/" + Api.segment(args.get(0)) + "/" + Api.segment(args.get(1)),
            "multipart/form-data; boundary=" + boundary,
            BodyPublishers.concat(BodyPublishers.ofString(head, StandardCharsets.UTF_8), BodyPublishers.ofFile(archive),
                BodyPublishers.ofString(tail, StandardCharsets.UTF_8)));
        if (json) {
          out().println(r.body().isBlank() ? "{}" : r.body());
        } else {
          out().println("Registered function " + args.get(1) + " in runtime " + args.get(0));
        }
      } catch (FileNotFoundException e) {
        throw CliException.usage("cannot read " + archive);
      }
      out().flush();
      return ExitCode.OK;
    }
  }

  @Command(name = "invoke", mixinStandardHelpOptions = true,
      description = {"Invoke a function with JSON params; prints the call (its number, status).",
          "--sync asks the server to answer when a short call is done; --wait long-polls until it is.",
          "Exit 9 when the call ended FAILED or TIMEOUT."})
  static final class Invoke extends BaseCommand {
    @Parameters(paramLabel = "FUNCTION") String function;
    @Option(names = "--params", defaultValue = "{}", description = "Params as JSON (default: {})") String params;
    @Option(names = "--sync", description = "Ask for a synchronous call (?sync=true)") boolean sync;
    @picocli.CommandLine.Mixin WaitOptions waiting = new WaitOptions();

    @Override
    protected int run() {
      JsonValue p;
      try {
        p = jakarta.json.Json.createReader(new StringReader(params)).readValue();
      } catch (JsonException | IllegalStateException e) {
        throw CliException.usage("--params is not JSON: " + e.getMessage());
      }
      Api api = api();
      Api.Reply r = api.postJson("api/faas/invokeFunction" + (sync ? "?sync=true" : ""),
          jakarta.json.Json.createObjectBuilder().add("funcName", function).add("params", p).build());
      if (waiting.await && !ENDED.contains(Fields.str(r.json(), "status"))) {
        r = FaasCommand.await(api, Fields.str(r.json(), "callNum"), waiting.timeout);
      }
      JsonObject call = r.json();
      Api.Reply shown = r;
      print(shown, () -> {
        Table t = callTable();
        callRow(t, call);
        return t;
      });
      return callExit(call);
    }
  }

  @Command(name = "calls", mixinStandardHelpOptions = true, description = "Every call, by number.")
  static final class Calls extends BaseCommand {
    @Override
    protected int run() {
      Api.Reply r = api().get("api/faas/calls");
      return print(r, () -> {
        Table t = callTable();
        for (Map.Entry<String, JsonValue> e : r.json().entrySet()) {
          callRow(t, e.getValue().asJsonObject());
        }
        return t;
      });
    }
  }

  @Command(name = "call", mixinStandardHelpOptions = true,
      description = {"One call: status, result, exit code, stderr. --wait long-polls until it has ended.",
          "Exit 9 when the call ended FAILED or TIMEOUT."})
  static final class Call extends BaseCommand {
    @Parameters(paramLabel = "N", description = "The call's number") String callNum;
    @picocli.CommandLine.Mixin WaitOptions waiting = new WaitOptions();

    @Override
    protected int run() {
      Api api = api();
      Api.Reply r = waiting.await ? FaasCommand.await(api, callNum, waiting.timeout) : api.get("api/faas/call/" + Api.segment(callNum));
      JsonObject call = r.json();
      print(r, () -> {
        Table t = callTable();
        callRow(t, call);
        String stderr = Fields.str(call, "stderr");
        if (!stderr.isBlank()) {
          out().println("stderr: " + stderr.strip().replace('\n', ' '));
        }
        return t;
      });
      return callExit(call);
    }
  }
}
