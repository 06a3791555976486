package org.dropcart.platform.infrastructure.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a read that failed on a broken connection three times, 5 s apart: with the
 * database down every request then took 10 s and more before its 503 (measured by OutageIT). One
 * immediate retry is kept, which a connection broken by a database restart needs (the pool
 * validates what it hands out, so the retry gets a live one); then the failure is the caller's.
 */
public class FailFastSession implements SessionCustomizer {
  @Override
  public void customize(Session session) {
    if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
      login.setQueryRetryAttemptCount(1);
      login.setDelayBetweenConnectionAttempts(0);
    }
  }
}
