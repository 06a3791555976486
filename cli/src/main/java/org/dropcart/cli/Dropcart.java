package org.dropcart.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code dropcart}: the command-line client of a Dropcart server. Each subcommand is one use of the
 * HTTP API; failures print one line on stderr and exit with the code of their class
 * ({@link ExitCode}).
 */
@Command(
    name = "dropcart",
    mixinStandardHelpOptions = true,
    versionProvider = Dropcart.Version.class,
    description = "Command-line client of a Dropcart server: uploads, files, carts, imports, functions.",
    footer = {"", ExitCode.HELP,
        "Environment:",
        "  DROPCART_URL       server URL (else --server, else the one saved by login)",
        "  DROPCART_TOKEN     access token (else the one saved by login)",
        "  DROPCART_PASSWORD  password for login",
        "  XDG_CONFIG_HOME    config dir is $XDG_CONFIG_HOME/dropcart, else ~/.config/dropcart"},
    subcommands = {
        AuthCommands.Login.class,
        AuthCommands.Logout.class,
        AuthCommands.Whoami.class,
        PoolCommands.Pools.class,
        UploadCommand.class,
        FileCommands.Files.class,
        FileCommands.History.class,
        FileCommands.Download.class,
        PoolCommands.Groups.class,
        CartsCommand.class,
        ImportCommand.class,
        FaasCommand.class,
        AdminCommand.class,
        AutoComplete.GenerateCompletion.class,
        CommandLine.HelpCommand.class})
public class Dropcart implements Runnable {
  @picocli.CommandLine.Spec private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs one command line; returns its exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = commandLine();
    cli.setOut(out);
    cli.setErr(err);
    return cli.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Dropcart());
    cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(true);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      int code;
      String message;
      if (e instanceof CliException c) {
        code = c.exitCode();
        message = c.getMessage();
      } else if (e instanceof java.io.UncheckedIOException || e instanceof IOException) {
        code = ExitCode.USAGE;
        message = e.getMessage();
      } else {
        code = ExitCode.INTERNAL;
        message = "unexpected error: " + e;
      }
      err.println("dropcart: " + message);
      if (System.getenv("DROPCART_DEBUG") != null) {
        e.printStackTrace(err);
      }
      err.flush();
      return code;
    });
    cli.setParameterExceptionHandler((ex, args) -> {
      // One line, like every other failure: the problem, suggestions if any, where help is.
      PrintWriter err = ex.getCommandLine().getErr();
      StringBuilder line = new StringBuilder("dropcart: ").append(ex.getMessage().strip().replace('\n', ' '));
      if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
        line.append(" (did you mean ").append(String.join(" or ", u.getSuggestions())).append("?)");
      }
      line.append(" — see '").append(ex.getCommandLine().getCommandSpec().qualifiedName()).append(" --help'");
      err.println(line);
      err.flush();
      return ExitCode.USAGE;
    });
    return cli;
  }

  static String version() {
    Properties p = new Properties();
    try (InputStream in = Dropcart.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // no version known
    }
    return p.getProperty("version", "unknown");
  }

  /** {@code --version}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"dropcart " + version(), "Java " + System.getProperty("java.version")};
    }
  }
}
