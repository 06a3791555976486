package org.dropcart.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Pools and their timestamp groups. */
final class PoolCommands {
  private PoolCommands() {}

  /** {@code --page} and {@code --size} of the API's paged lists. */
  static class Paging {
    @Option(names = "--page", description = "Page number, from 0") Integer page;
    @Option(names = "--size", description = "Items per page (server default 50)") Integer size;

    Map<String, Object> params() {
      Map<String, Object> q = new LinkedHashMap<>();
      q.put("page", page);
      q.put("size", size);
      return q;
    }
  }

  @Command(name = "pools", mixinStandardHelpOptions = true,
      description = "The pools you can see (an admin sees all).")
  static final class Pools extends BaseCommand {
    @picocli.CommandLine.Mixin Paging paging = new Paging();

    @Override
    protected int run() {
      Api.Reply r = api().get("api/pools" + Api.query(paging.params()));
      return print(r, () -> {
        Table t = Table.of("ID", "NAME", "WINDOW", "LATENESS", "MEMBERS", "CREATED");
        for (JsonValue v : r.json().getJsonArray("items")) {
          JsonObject p = v.asJsonObject();
          t.row(Fields.str(p, "id"), Fields.str(p, "name"), Fields.str(p, "groupingWindow"),
              Fields.str(p, "lateness"), Fields.num(p, "members"), Fields.str(p, "createdAt"));
        }
        return t;
      });
    }
  }

  @Command(name = "groups", mixinStandardHelpOptions = true,
      description = "A pool's timestamp groups, newest window first; with GROUP_ID, one group and its files.")
  static final class Groups extends BaseCommand {
    @Option(names = {"-p", "--pool"}, required = true, description = "Pool id") String pool;
    @Option(names = "--status", description = "Only groups in this status: OPEN, SEALED, DISPATCHED, DONE, FAILED")
    String status;
    @Parameters(arity = "0..1", paramLabel = "GROUP_ID", description = "One group") String groupId;
    @picocli.CommandLine.Mixin Paging paging = new Paging();

    @Override
    protected int run() {
      Api api = api();
      String base = "api/pools/" + Api.segment(pool) + "/groups";
      if (groupId != null) {
        Api.Reply r = api.get(base + "/" + Api.segment(groupId) + Api.query(paging.params()));
        return print(r, () -> {
          JsonObject g = r.json();
          JsonObject group = g.containsKey("group") ? g.getJsonObject("group") : g;
          Table t = Table.of("FILE NAME", "NAME", "SIZE", "TIMESTAMP");
          JsonValue files = g.get("files");
          if (files instanceof JsonObject page && page.containsKey("items")) {
            files = page.get("items");
          }
          if (files instanceof jakarta.json.JsonArray items) {
            for (JsonValue v : items) {
              JsonObject f = v.asJsonObject();
              t.row(Fields.str(f, "fileName"), Fields.str(f, "name"), Fields.size(f, "size"), Fields.str(f, "timestamp"));
            }
          }
          out().println("Group " + Fields.str(group, "id") + " " + Fields.str(group, "status") + " ["
              + Fields.str(group, "windowStart") + ", " + Fields.str(group, "windowEnd") + ")");
          return t;
        });
      }
      Map<String, Object> q = paging.params();
      q.put("status", status);
      Api.Reply r = api.get(base + Api.query(q));
      return print(r, () -> {
        Table t = Table.of("ID", "STATUS", "WINDOW START", "WINDOW END", "FILES", "BYTES", "RESULT");
        for (JsonValue v : r.json().getJsonArray("items")) {
          JsonObject g = v.asJsonObject();
          t.row(Fields.str(g, "id"), Fields.str(g, "status"), Fields.str(g, "windowStart"), Fields.str(g, "windowEnd"),
              Fields.num(g, "files"), Fields.size(g, "bytes"), Fields.str(g, "resultFile"));
        }
        return t;
      });
    }
  }
}
