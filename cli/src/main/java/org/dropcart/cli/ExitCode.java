package org.dropcart.cli;

/**
 * The exit codes of {@code dropcart}, one per class of error, so that a script can tell "log in
 * again" from "try later" without parsing messages. Documented in README and in {@code --help}.
 */
public final class ExitCode {
  private ExitCode() {}

  public static final int OK = 0;
  /** A failure the CLI did not foresee (a bug): one line on stderr, never a stack trace. */
  public static final int INTERNAL = 1;
  /** Bad command line: unknown option, missing argument, a local file that does not exist. */
  public static final int USAGE = 2;
  /** Not logged in, wrong password, expired or revoked token (401), or not allowed (403). */
  public static final int AUTH = 3;
  /** The thing asked for does not exist or is gone (404, 410). */
  public static final int NOT_FOUND = 4;
  /** The server refused the request as it stands: conflict, validation, limits (other 4xx). */
  public static final int REFUSED = 5;
  /** The server failed (5xx). */
  public static final int SERVER = 6;
  /** No answer: connection refused, DNS, timeout, connection cut. */
  public static final int NETWORK = 7;
  /** Bytes that do not match their checksum (a download whose SHA-256 differs from the ETag). */
  public static final int INTEGRITY = 8;
  /** A function call that ended {@code FAILED} or {@code TIMEOUT} ({@code faas invoke --wait}, {@code faas call --wait}). */
  public static final int CALL_FAILED = 9;

  /** The exit code for an HTTP status the CLI treats as a failure. */
  public static int forStatus(int status) {
    if (status == 401 || status == 403) {
      return AUTH;
    }
    if (status == 404 || status == 410) {
      return NOT_FOUND;
    }
    if (status >= 400 && status < 500) {
      return REFUSED;
    }
    if (status >= 500) {
      return SERVER;
    }
    return INTERNAL;
  }

  /** The help section listing the codes. */
  public static final String HELP = """
      Exit codes:
        0  success
        1  unexpected error
        2  usage: bad options or arguments, a local file missing
        3  auth: not logged in, wrong password, token expired or revoked (401, 403)
        4  not found or gone (404, 410)
        5  refused: conflict, invalid input, limits (other 4xx)
        6  server error (5xx)
        7  network: no connection, timeout
        8  integrity: downloaded bytes do not match their checksum
        9  a function call ended FAILED or TIMEOUT (faas invoke/call --wait)
      """;
}
