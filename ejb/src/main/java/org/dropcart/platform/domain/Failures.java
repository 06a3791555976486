package org.dropcart.platform.domain;

/**
 * A failure as the one line a person reads in a reason, a health check or a log: the innermost
 * cause's type and message ({@code ConnectException}, {@code IOException: No space left on
 * device}), never a stack trace and never "null" when the exception carries no message (Java's
 * HTTP client throws a message-less {@code ConnectException} for a refused connection).
 */
public final class Failures {
  private Failures() {}

  /** The first throwable in {@code e}'s cause chain (itself included) that {@code wanted} accepts, or null. */
  public static Throwable causeMatching(Throwable e, java.util.function.Predicate<Throwable> wanted) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (wanted.test(t)) {
        return t;
      }
    }
    return null;
  }

  public static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
  }
}
