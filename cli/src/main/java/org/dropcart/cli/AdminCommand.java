package org.dropcart.cli;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Administration: batch jobs. */
@Command(name = "admin", mixinStandardHelpOptions = true, description = "Administration (admin role).",
    subcommands = {AdminCommand.Jobs.class})
final class AdminCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  @Command(name = "jobs", mixinStandardHelpOptions = true,
      description = "Batch jobs: every job with its schedule and latest run; 'start' starts one now.",
      subcommands = {Jobs.Start.class})
  static final class Jobs extends BaseCommand {
    @Override
    protected int run() {
      Api.Reply r = api().get("api/admin/jobs");
      return print(r, () -> {
        Table t = Table.of("JOB", "SCHEDULE", "NEXT RUN", "LAST EXECUTION", "STATUS", "ENDED");
        for (JsonValue v : r.jsonArray()) {
          JsonObject j = v.asJsonObject();
          JsonArray runs = j.getJsonArray("executions");
          JsonObject last = runs == null || runs.isEmpty() ? JsonValue.EMPTY_JSON_OBJECT : runs.getJsonObject(0);
          t.row(Fields.str(j, "name"), Fields.str(j, "schedule"), Fields.str(j, "nextRunAt"),
              Fields.str(last, "executionId"), Fields.str(last, "batchStatus"), Fields.str(last, "endedAt"));
        }
        return t;
      });
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
        description = "Start a batch job now; -P key=value become job parameters (exit 5 while a run is going).")
    static final class Start extends BaseCommand {
      @Parameters(paramLabel = "JOB") String job;
      @Option(names = {"-P", "--param"}, paramLabel = "KEY=VALUE") Map<String, String> params = new LinkedHashMap<>();

      @Override
      protected int run() {
        Api.Reply r = api().post("api/admin/jobs/" + Api.segment(job) + Api.query(params), null,
            java.net.http.HttpRequest.BodyPublishers.noBody(), 202);
        if (json) {
          out().println(r.body());
        } else {
          out().println("Started " + job + ", execution " + r.json().getJsonNumber("executionId"));
        }
        out().flush();
        return ExitCode.OK;
      }
    }
  }
}
