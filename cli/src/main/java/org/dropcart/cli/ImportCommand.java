package org.dropcart.cli;

import jakarta.json.JsonObject;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Imports (the download manager): a URL fetched into a pool in the background. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Import a URL (http, https, s3, git, file under the server's roots) into a pool.",
        "With --wait, follow it until it ends and list the files it stored (exit 5 if it failed).",
        "With --status ID, show an earlier import."})
final class ImportCommand extends BaseCommand {
  private static final Set<String> ENDED = Set.of("done", "failed", "cancelled");

  @Parameters(arity = "0..1", paramLabel = "URL") String url;
  @Option(names = {"-p", "--pool"}, description = "Pool id (required with URL)") String pool;
  @Option(names = "--unarchive", description = "Each entry of a tar, zip or compressed tar becomes a file")
  boolean unarchive;
  @Option(names = {"-t", "--timestamp"}, description = "The files' timestamp (default: from the archive)")
  String timestamp;
  @Option(names = "--status", paramLabel = "ID", description = "Show the import with this id") String status;
  @picocli.CommandLine.Mixin WaitOptions waiting = new WaitOptions();

  @Override
  protected int run() throws InterruptedException {
    Api api = api();
    Api.Reply r;
    if (status != null) {
      r = api.get("api/imports/" + Api.segment(status));
    } else {
      if (url == null || pool == null) {
        throw CliException.usage("give a URL and --pool (or --status ID)");
      }
      jakarta.json.JsonObjectBuilder body = jakarta.json.Json.createObjectBuilder().add("url", url).add("pool", pool)
          .add("unarchive", unarchive);
      if (timestamp != null) {
        body.add("timestamp", timestamp);
      }
      r = api.postJson("api/imports", body.build(), 202);
    }
    String id = r.json().getString("id");
    if (waiting.await) {
      long deadline = System.nanoTime() + waiting.timeout.toNanos();
      while (!ENDED.contains(r.json().getString("status")) && System.nanoTime() < deadline) {
        Thread.sleep(300);
        r = api.get("api/imports/" + Api.segment(id));
      }
    }
    JsonObject imp = r.json();
    String state = imp.getString("status");
    if (json) {
      if (waiting.await && "done".equals(state)) {
        printJson(jakarta.json.Json.createObjectBuilder().add("import", imp)
            .add("files", api.get("api/imports/" + Api.segment(id) + "/files?size=500").json()).build());
      } else {
        out().println(r.body());
      }
    } else {
      out().print(Table.of("ID", "STATUS", "BYTES", "FILES", "URL", "REASON")
          .row(id, state, Fields.size(imp, "bytes"), Fields.num(imp, "filesStored"), Fields.str(imp, "url"),
              Fields.str(imp, "reason")).render());
      if (waiting.await && "done".equals(state)) {
        out().println();
        out().print(FileCommands.fileTable(api.get("api/imports/" + Api.segment(id) + "/files?size=500").json()).render());
      }
    }
    out().flush();
    if (waiting.await && !ENDED.contains(state)) {
      throw new CliException(ExitCode.NETWORK, "import " + id + " still " + state + " after " + waiting.timeout);
    }
    return "failed".equals(state) ? ExitCode.REFUSED : ExitCode.OK;
  }
}
