package org.dropcart.cli;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Data carts (Pacifica cartd's API at {@code /api/carts/{uid}}). */
@Command(name = "carts", mixinStandardHelpOptions = true,
    description = "Data carts: a tar of chosen stored files, built in the background.",
    subcommands = {CartsCommand.List.class, CartsCommand.Create.class, CartsCommand.Status.class,
        CartsCommand.Get.class, CartsCommand.Delete.class})
final class CartsCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  static String path(String uid) {
    return "api/carts/" + Api.segment(uid);
  }

  /** A cart's state from HEAD: X-Pacifica-Status and X-Pacifica-Message (500 means the cart failed). */
  record State(String uid, String status, String message) {
    JsonObject toJson() {
      return jakarta.json.Json.createObjectBuilder().add("uid", uid).add("status", status)
          .add("message", message == null ? "" : message).build();
    }
  }

  static State state(Api api, String uid) {
    Api.Reply r = api.send(api.request(path(uid)).method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()));
    String status = r.header("X-Pacifica-Status");
    if (r.status() == 204 || (r.status() == 500 && "error".equals(status))) {
      return new State(uid, status, r.header("X-Pacifica-Message"));
    }
    String message = r.header("X-Pacifica-Message");
    throw CliException.http(r.status(), message != null ? message : r.body());
  }

  static State await(Api api, String uid, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      State s = state(api, uid);
      if ("ready".equals(s.status()) || "error".equals(s.status()) || System.nanoTime() > deadline) {
        return s;
      }
      Thread.sleep(300);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Your carts.")
  static final class List extends BaseCommand {
    @Override
    protected int run() {
      Api.Reply r = api().get("api/carts");
      return print(r, () -> {
        Table t = Table.of("UID", "STATUS", "FILES", "SIZE", "CREATED", "MESSAGE");
        for (JsonValue v : r.json().getJsonArray("items")) {
          JsonObject c = v.asJsonObject();
          t.row(Fields.str(c, "uid"), Fields.str(c, "status"), Fields.num(c, "files"), Fields.size(c, "size"),
              Fields.str(c, "created"), Fields.str(c, "message"));
        }
        return t;
      });
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = {"Create a cart of stored files. Each FILE is a stored file name, optionally with the path",
          "it takes in the tar: NAME=PATH (default: the file's own name). Each file's SHA-256 is taken",
          "from the server and checked while the cart is staged."})
  static final class Create extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "FILE[=PATH]") java.util.List<String> files;
    @Option(names = "--uid", description = "The cart's id (default: a new UUID)") String uid;
    @Option(names = "--bundle", description = "Pre-bundle the tar on the server (ranged downloads)") boolean bundle;
    @picocli.CommandLine.Mixin WaitOptions waiting = new WaitOptions();

    @Override
    protected int run() throws InterruptedException {
      Api api = api();
      String id = uid != null ? uid : UUID.randomUUID().toString();
      JsonArrayBuilder ids = jakarta.json.Json.createArrayBuilder();
      for (String f : files) {
        int eq = f.indexOf('=');
        String name = eq < 0 ? f : f.substring(0, eq);
        String inTar = eq < 0 ? name : f.substring(eq + 1);
        String etag = api.head("api/file/" + Api.segment(name), 200).header("ETag");
        String sha = etag == null ? "" : etag.replace("W/", "").replace("\"", "");
        ids.add(jakarta.json.Json.createObjectBuilder().add("id", name).add("path", inTar)
            .add("hashtype", "sha256").add("hashsum", sha));
      }
      jakarta.json.JsonObjectBuilder body = jakarta.json.Json.createObjectBuilder().add("fileids", ids);
      if (bundle) {
        body.add("bundle", true);
      }
      Api.Reply r = api.postJson(path(id), body.build(), 201);
      State s = waiting.await ? await(api, id, waiting.timeout) : null;
      if (json) {
        jakarta.json.JsonObjectBuilder o = jakarta.json.Json.createObjectBuilder().add("uid", id)
            .add("message", Fields.str(r.json(), "message"));
        if (s != null) {
          o.add("status", s.status());
        }
        printJson(o.build());
      } else {
        out().println(id);
        if (s != null) {
          out().println("status: " + s.status() + (s.message() == null || s.message().isEmpty() ? "" : " (" + s.message() + ")"));
        }
        out().flush();
      }
      return s != null && "error".equals(s.status()) ? ExitCode.SERVER : ExitCode.OK;
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "A cart's status: waiting, staging, bundling, ready or error (exit 6 for error).")
  static final class Status extends BaseCommand {
    @Parameters(paramLabel = "UID") String uid;
    @picocli.CommandLine.Mixin WaitOptions waiting = new WaitOptions();

    @Override
    protected int run() throws InterruptedException {
      Api api = api();
      State s = waiting.await ? await(api, uid, waiting.timeout) : state(api, uid);
      if (json) {
        printJson(s.toJson());
      } else {
        out().print(Table.of("UID", "STATUS", "MESSAGE").row(s.uid(), s.status(), s.message()).render());
        out().flush();
      }
      return "error".equals(s.status()) ? ExitCode.SERVER : ExitCode.OK;
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true,
      description = {"Download a cart's tar. Exit 5 while it is not ready, unless --wait."})
  static final class Get extends BaseCommand {
    @Parameters(paramLabel = "UID") String uid;
    @Option(names = {"-o", "--output"}, description = "The tar file to write (default: the server's name)") Path output;
    @Option(names = "--name", description = "The tar's name on the server (its top directory)") String name;
    @picocli.CommandLine.Mixin WaitOptions waiting = new WaitOptions();

    @Override
    protected int run() throws IOException, InterruptedException {
      Api api = api();
      if (waiting.await) {
        State s = await(api, uid, waiting.timeout);
        if ("error".equals(s.status())) {
          throw new CliException(ExitCode.SERVER, "cart " + uid + " failed: " + s.message());
        }
      }
      String q = name == null ? "" : Api.query(java.util.Map.of("filename", name));
      HttpResponse<InputStream> r = api.stream(api.request(path(uid) + q).GET(), 200, 202);
      if (r.statusCode() == 202) {
        r.body().close();
        throw new CliException(ExitCode.REFUSED, "cart " + uid + " is not ready for download yet (use --wait)");
      }
      String served = r.headers().firstValue("Content-Disposition").map(CartsCommand::fileName).orElse(uid + ".tar");
      // Only a base name from the server: never a path it chose.
      served = Path.of(served.replace('\\', '/')).getFileName().toString();
      Path target = (output != null ? output : Path.of(served)).toAbsolutePath();
      Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
      long bytes;
      try {
        try (InputStream in = r.body()) {
          bytes = Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
          throw Api.network(api.base(), e);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
      if (json) {
        printJson(jakarta.json.Json.createObjectBuilder().add("uid", uid).add("path", target.toString())
            .add("size", bytes).build());
      } else {
        out().println("Downloaded cart " + uid + " (" + Table.bytes(bytes) + ") to " + target);
        out().flush();
      }
      return ExitCode.OK;
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a cart and its files.")
  static final class Delete extends BaseCommand {
    @Parameters(paramLabel = "UID") String uid;

    @Override
    protected int run() {
      Api.Reply r = api().delete(path(uid), 200);
      if (json) {
        out().println(r.body());
      } else {
        out().println("Deleted cart " + uid);
      }
      out().flush();
      return ExitCode.OK;
    }
  }

  /** The file name of a {@code Content-Disposition} header ({@code filename*=UTF-8''…} or {@code filename="…"}). */
  static String fileName(String disposition) {
    for (String part : disposition.split(";")) {
      String p = part.strip();
      if (p.startsWith("filename*=")) {
        String v = p.substring("filename*=".length());
        int q = v.indexOf("''");
        return java.net.URLDecoder.decode(q < 0 ? v : v.substring(q + 2), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    for (String part : disposition.split(";")) {
      String p = part.strip();
      if (p.startsWith("filename=")) {
        return p.substring("filename=".length()).replace("\"", "");
      }
    }
    return "cart.tar";
  }
}
