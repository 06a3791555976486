package org.dropcart.cli;

import jakarta.json.JsonStructure;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every command that talks to a server shares: {@code --server} (else {@code DROPCART_URL},
 * else the server saved by {@code login}), {@code --json}, and the saved token
 * ({@code DROPCART_TOKEN} overrides it).
 */
public abstract class BaseCommand implements Callable<Integer> {
  @Spec protected CommandSpec spec;

  @Option(names = "--server", paramLabel = "URL",
      description = "Dropcart base URL (default: $DROPCART_URL, else the server you logged in to)")
  protected String server;

  @Option(names = "--json", description = "Print the server's JSON (for scripts) instead of a table")
  protected boolean json;

  @Override
  public final Integer call() throws Exception {
    return run();
  }

  protected abstract int run() throws Exception;

  protected static Map<String, String> env() {
    return System.getenv();
  }

  protected ConfigStore store() {
    return ConfigStore.fromEnvironment(env(), System.getProperty("user.home"));
  }

  /** The server URL to use, or a usage error when none is known. */
  protected URI serverUri() {
    String s = server;
    if (s == null || s.isBlank()) {
      s = env().get("DROPCART_URL");
    }
    if (s == null || s.isBlank()) {
      s = store().session().server();
    }
    if (s == null || s.isBlank()) {
      throw CliException.usage("no server: pass --server URL, set DROPCART_URL, or run 'dropcart login --server URL'");
    }
    try {
      URI uri = URI.create(s.strip());
      if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw CliException.usage("bad server URL '" + s + "': " + e.getMessage());
    }
  }

  /** An API client with the token of the saved session (for the same server) or DROPCART_TOKEN. */
  protected Api api() {
    URI uri = serverUri();
    String token = env().get("DROPCART_TOKEN");
    if (token == null || token.isBlank()) {
      ConfigStore.Session s = store().session();
      if (s.token() != null && s.server() != null && sameServer(s.server(), uri.toString())) {
        token = s.token();
      }
    }
    if (token == null || token.isBlank()) {
      throw CliException.notLoggedIn();
    }
    return new Api(uri, token);
  }

  static boolean sameServer(String a, String b) {
    return strip(a).equalsIgnoreCase(strip(b));
  }

  private static String strip(String s) {
    String t = s.strip();
    while (t.endsWith("/")) {
      t = t.substring(0, t.length() - 1);
    }
    return t;
  }

  protected PrintWriter out() {
    return spec.commandLine().getOut();
  }

  protected PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** In {@code --json} mode, prints the body as the server sent it; otherwise the table. */
  protected int print(Api.Reply reply, java.util.function.Supplier<Table> table) {
    if (json) {
      out().println(reply.body());
    } else {
      out().print(table.get().render());
    }
    out().flush();
    return ExitCode.OK;
  }

  protected void printJson(JsonStructure value) {
    out().println(value.toString());
    out().flush();
  }
}
