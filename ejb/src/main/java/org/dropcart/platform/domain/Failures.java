package org.dropcart.platform.domain;

/**
 * A failure as the one line a person reads in a reason, a health check or a log: the innermost
 * cause's type and message ({@code ConnectException}, {@code IOException: No space left on
 * device}), never a stack trace and never "null" when the exception carries no message (Java's
 * HTTP client throws a message-less {@code ConnectException} for a refused connection).
 */
public final class Failures {
  private Failures() {}

  public static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
  }
}
