package org.dropcart.platform.infrastructure;

import java.util.Optional;
import org.dropcart.platform.domain.Failures;
import org.dropcart.platform.domain.UnavailableException;

/**
 * Tells a failure caused by a backing service being away (the broker, the database) from any other:
 * the first kind heals by itself once the service is back, so it is retried or answered with 503,
 * never counted against the work that hit it.
 */
public final class Outages {
  private Outages() {}

  /** {@code broker-unavailable}, {@code database-unavailable} or {@code transaction-failed}; empty otherwise. */
  public static Optional<String> kindOf(Throwable e) {
    if (anyCause(e, t -> t instanceof UnavailableException u && u.kind().equals("broker-unavailable")
        || t instanceof jakarta.jms.JMSException || t instanceof jakarta.jms.JMSRuntimeException
        || t.getClass().getName().startsWith("org.apache.activemq.artemis."))) {
      return Optional.of("broker-unavailable");
    }
    if (anyCause(e, Outages::lostDatabaseConnection)) {
      return Optional.of("database-unavailable");
    }
    if (anyCause(e, t -> t instanceof jakarta.transaction.SystemException)) {
      // The transaction manager could not end the transaction with one of its resources (it went
      // away mid-request): the transaction was rolled back.
      return Optional.of("transaction-failed");
    }
    return Optional.empty();
  }

  /** SQLSTATE class 08 (connection exception) or 57P01..03 (the server shut down or is starting). */
  private static boolean lostDatabaseConnection(Throwable t) {
    if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
      String state = sql.getSQLState();
      return state.startsWith("08") || state.startsWith("57P0");
    }
    return false;
  }

  private static boolean anyCause(Throwable e, java.util.function.Predicate<Throwable> wanted) {
    return Failures.causeMatching(e, wanted) != null;
  }

  /** What a client is told for each kind of outage: nothing was done, and it may retry. */
  public static String detail(String kind) {
    return switch (kind) {
      case "broker-unavailable" -> "The message broker cannot be reached; nothing of this request was done. Retry later";
      case "database-unavailable" -> "The database cannot be reached; nothing of this request was done. Retry later";
      default -> "A service this request needed failed while its transaction ended; it was rolled back. Retry later";
    };
  }
}
