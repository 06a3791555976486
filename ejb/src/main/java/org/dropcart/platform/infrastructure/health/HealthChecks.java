package org.dropcart.platform.infrastructure.health;

/** Helpers shared by the health checks. */
final class HealthChecks {
  private HealthChecks() {}

  /** A one-line reason for a DOWN check: the exception type and message, never a stack trace. */
  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : ": " + root.getMessage();
    return root.getClass().getSimpleName() + message;
  }
}
