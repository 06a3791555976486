package org.dropcart.cli;

/** A failure to report as one line on stderr and an exit code (see {@link ExitCode}). */
public class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }

  /** The server answered {@code status} with {@code body}: its message, one line. */
  public static CliException http(int status, String body) {
    return new CliException(ExitCode.forStatus(status), Problems.oneLine(status, body));
  }

  public static CliException usage(String message) {
    return new CliException(ExitCode.USAGE, message);
  }

  public static CliException notLoggedIn() {
    return new CliException(ExitCode.AUTH, "not logged in: run 'dropcart login' first");
  }
}
