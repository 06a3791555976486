package org.dropcart.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Stored files: a pool's listing, a client's history, downloads. */
final class FileCommands {
  private FileCommands() {}

  static Table fileTable(JsonObject page) {
    Table t = Table.of("FILE NAME", "NAME", "SIZE", "TIMESTAMP", "STATUS", "CLIENT");
    for (JsonValue v : page.getJsonArray("items")) {
      JsonObject f = v.asJsonObject();
      t.row(Fields.str(f, "fileName"), Fields.str(f, "name"), Fields.size(f, "size"), Fields.str(f, "timestamp"),
          Fields.str(f, "activity"), Fields.str(f, "clientName"));
    }
    return t;
  }

  @Command(name = "files", mixinStandardHelpOptions = true,
      description = "A pool's files with a timestamp in [--from, --to), oldest first.")
  static final class Files extends BaseCommand {
    @Option(names = {"-p", "--pool"}, required = true, description = "Pool id") String pool;
    @Option(names = "--from", description = "Earliest timestamp (ISO-8601 or epoch ms)") String from;
    @Option(names = "--to", description = "End of the range, exclusive") String to;
    @Mixin PoolCommands.Paging paging = new PoolCommands.Paging();

    @Override
    protected int run() {
      Map<String, Object> q = paging.params();
      q.put("from", from);
      q.put("to", to);
      Api.Reply r = api().get("api/pools/" + Api.segment(pool) + "/files" + Api.query(q));
      return print(r, () -> fileTable(r.json()));
    }
  }

  @Command(name = "history", mixinStandardHelpOptions = true,
      description = {"A client's files, newest first (seed 003's history).",
          "Without CLIENT_ID: your own client identity in --pool (or in each of your pools)."})
  static final class History extends BaseCommand {
    @Parameters(arity = "0..1", paramLabel = "CLIENT_ID", description = "Client id (see 'dropcart files')")
    String clientId;
    @Option(names = {"-p", "--pool"}, description = "Find your client id in this pool") String pool;
    @Mixin PoolCommands.Paging paging = new PoolCommands.Paging();

    @Override
    protected int run() {
      Api api = api();
      List<String> clients = new ArrayList<>();
      if (clientId != null) {
        clients.add(clientId);
      } else {
        String me = api.get("api/auth/validate").json().getString("userId");
        List<String> pools = new ArrayList<>();
        if (pool != null) {
          pools.add(pool);
        } else {
          for (JsonValue p : api.get("api/pools?size=500").json().getJsonArray("items")) {
            pools.add(p.asJsonObject().getString("id"));
          }
        }
        for (String p : pools) {
          for (JsonValue m : api.get("api/pools/" + Api.segment(p) + "/members?size=500").json().getJsonArray("items")) {
            if (me.equals(Fields.str(m.asJsonObject(), "userId"))) {
              clients.add(m.asJsonObject().getString("clientId"));
            }
          }
        }
        if (clients.isEmpty()) {
          throw new CliException(ExitCode.NOT_FOUND, "you have no client identity" + (pool == null ? "" : " in pool " + pool));
        }
      }
      if (clients.size() == 1) {
        Api.Reply r = api.get("api/client/history/" + Api.segment(clients.get(0)) + Api.query(paging.params()));
        return print(r, () -> fileTable(r.json()));
      }
      // Several identities (one per pool): one JSON object per client, or one table each.
      jakarta.json.JsonObjectBuilder all = jakarta.json.Json.createObjectBuilder();
      for (String c : clients) {
        Api.Reply r = api.get("api/client/history/" + Api.segment(c) + Api.query(paging.params()));
        if (json) {
          all.add(c, r.json());
        } else {
          out().println("Client " + c + ":");
          out().print(fileTable(r.json()).render());
        }
      }
      if (json) {
        printJson(all.build());
      }
      out().flush();
      return ExitCode.OK;
    }
  }

  @Command(name = "download", mixinStandardHelpOptions = true,
      description = {"Download a stored file; its SHA-256 is checked against the server's ETag.",
          "Writes to a temporary file beside the target and moves it in place only when complete."})
  static final class Download extends BaseCommand {
    @Parameters(paramLabel = "FILE_NAME", description = "The stored file's name (see 'dropcart files')")
    String fileName;
    @Option(names = {"-o", "--output"}, description = "Where to write it ('-' for standard output; default: FILE_NAME)")
    String output;

    @Override
    protected int run() throws IOException, NoSuchAlgorithmException {
      Api api = api();
      HttpResponse<InputStream> r = api.stream(api.request("api/file/" + Api.segment(fileName)).GET(), 200);
      String etag = r.headers().firstValue("ETag").orElse("").replace("W/", "").replace("\"", "");
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      long bytes;
      Path target = null;
      if ("-".equals(output)) {
        try (InputStream in = r.body(); OutputStream out = new DigestOutputStream(System.out, sha)) {
          bytes = in.transferTo(out);
          out.flush();
        }
        String actual = HexFormat.of().formatHex(sha.digest());
        if (etag.matches("[0-9a-fA-F]{64}") && !etag.equalsIgnoreCase(actual)) {
          throw new CliException(ExitCode.INTEGRITY, "the bytes written have SHA-256 " + actual + ", the server says "
              + etag);
        }
      } else {
        target = Path.of(output == null ? fileName : output).toAbsolutePath();
        if (java.nio.file.Files.isDirectory(target)) {
          target = target.resolve(fileName);
        }
        Path tmp = java.nio.file.Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
          try (InputStream in = r.body();
              OutputStream out = new DigestOutputStream(java.nio.file.Files.newOutputStream(tmp), sha)) {
            bytes = in.transferTo(out);
          } catch (IOException e) {
            throw Api.network(api.base(), e);
          }
          String actual = HexFormat.of().formatHex(sha.digest());
          if (etag.matches("[0-9a-fA-F]{64}") && !etag.equalsIgnoreCase(actual)) {
            throw new CliException(ExitCode.INTEGRITY, "downloaded bytes have SHA-256 " + actual + ", the server says "
                + etag + "; nothing written");
          }
          java.nio.file.Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
          java.nio.file.Files.deleteIfExists(tmp);
        }
      }
      if (target != null) {
        if (json) {
          printJson(jakarta.json.Json.createObjectBuilder().add("fileName", fileName).add("path", target.toString())
              .add("size", bytes).add("sha256", etag).build());
        } else {
          out().println("Downloaded " + fileName + " (" + Table.bytes(bytes) + ", sha256 verified) to " + target);
          out().flush();
        }
      }
      return ExitCode.OK;
    }
  }
}
