package org.dropcart.cli;

import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Signing in and out. */
final class AuthCommands {
  private AuthCommands() {}

  @Command(name = "login", mixinStandardHelpOptions = true,
      description = {"Sign in and keep the token in the config directory (file mode 600), with the server URL.",
          "The password comes from --password-stdin, else $DROPCART_PASSWORD, else a prompt."})
  static final class Login extends BaseCommand {
    @Option(names = {"-u", "--username"}, description = "User name (default: the last one used)")
    String username;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input")
    boolean passwordStdin;

    @Override
    protected int run() throws IOException {
      java.net.URI uri = serverUri();
      ConfigStore store = store();
      ConfigStore.Session saved = store.session();
      String user = username;
      Console console = System.console();
      if (user == null) {
        user = saved.username();
      }
      if (user == null && console != null) {
        user = console.readLine("Username: ");
      }
      if (user == null || user.isBlank()) {
        throw CliException.usage("no user name: pass --username");
      }
      String password = password(console);
      Api anonymous = new Api(uri, null);
      Api.Reply r = anonymous.postJson("api/auth/token", jakarta.json.Json.createObjectBuilder()
          .add("username", user.strip()).add("password", password).build(), 200);
      JsonObject grant = r.json();
      String expiresAt = Instant.now().plusSeconds(grant.getJsonNumber("expires_in").longValue()).toString();
      store.saveSession(new ConfigStore.Session(uri.toString(), grant.getString("username"),
          grant.getString("access_token"), expiresAt));
      if (json) {
        // The token stays in the config file: it is not echoed to scripts' logs.
        printJson(jakarta.json.Json.createObjectBuilder().add("server", uri.toString())
            .add("userId", grant.getString("userId")).add("username", grant.getString("username"))
            .add("role", grant.getString("role")).add("expiresAt", expiresAt).build());
      } else {
        out().println("Logged in to " + uri + " as " + grant.getString("username") + " (" + grant.getString("role")
            + "), token valid until " + expiresAt);
        out().flush();
      }
      return ExitCode.OK;
    }

    private String password(Console console) throws IOException {
      if (passwordStdin) {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
          throw CliException.usage("no password on standard input");
        }
        return line;
      }
      String fromEnv = env().get("DROPCART_PASSWORD");
      if (fromEnv != null && !fromEnv.isEmpty()) {
        return fromEnv;
      }
      if (console == null) {
        throw CliException.usage("no password: use --password-stdin or DROPCART_PASSWORD when not on a terminal");
      }
      char[] p = console.readPassword("Password: ");
      if (p == null || p.length == 0) {
        throw CliException.usage("no password given");
      }
      return new String(p);
    }
  }

  @Command(name = "logout", mixinStandardHelpOptions = true,
      description = "Sign out: the server refuses the token from now on, and it is removed from the config directory.")
  static final class Logout extends BaseCommand {
    @Override
    protected int run() {
      ConfigStore store = store();
      ConfigStore.Session s = store.session();
      if (s.token() == null) {
        out().println("Not logged in.");
        out().flush();
        return ExitCode.OK;
      }
      Api api = api();
      try {
        api.send(api.request("api/auth/logout/" + Api.segment(s.username())).PUT(java.net.http.HttpRequest.BodyPublishers.noBody()));
      } finally {
        // Forget the token even when the server is out of reach or already refuses it.
        store.saveSession(new ConfigStore.Session(s.server(), s.username(), null, null));
      }
      if (!json) {
        out().println("Logged out " + s.username() + " from " + s.server());
        out().flush();
      } else {
        printJson(jakarta.json.Json.createObjectBuilder().add("loggedOut", s.username()).build());
      }
      return ExitCode.OK;
    }
  }

  @Command(name = "whoami", mixinStandardHelpOptions = true, description = "Who the saved token belongs to.")
  static final class Whoami extends BaseCommand {
    @Override
    protected int run() {
      Api api = api();
      Api.Reply r = api.get("api/auth/validate");
      return print(r, () -> {
        JsonObject o = r.json();
        return Table.of("USER", "ROLE", "USER ID", "SERVER")
            .row(Fields.str(o, "username"), Fields.str(o, "role"), Fields.str(o, "userId"), api.base());
      });
    }
  }
}
