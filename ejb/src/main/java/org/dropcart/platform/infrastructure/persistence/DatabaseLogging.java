package org.dropcart.platform.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.sessions.Session;

/**
 * {@code dropcart.db.logging} ({@code DATABASE_LOGGING}, seed 004; default false): when true, every
 * SQL statement the application runs is written to the server log at level FINE of EclipseLink's
 * {@code sql} category (bind parameters stay out: they may hold password hashes and tokens).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class DatabaseLogging {
  private static final Logger LOG = Logger.getLogger(DatabaseLogging.class.getName());

  @PersistenceUnit(unitName = "dropcart")
  private EntityManagerFactory entityManagerFactory;

  @Inject private Config config;

  @PostConstruct
  void apply() {
    if (!config.getOptionalValue("dropcart.db.logging", Boolean.class).orElse(false)) {
      return;
    }
    Session session = entityManagerFactory.unwrap(Session.class);
    SessionLog log = session.getSessionLog();
    log.setLevel(SessionLog.FINE, SessionLog.SQL);
    log.setShouldLogExceptionStackTrace(false);
    LOG.log(Level.INFO, "SQL statements are logged (dropcart.db.logging=true)");
  }
}
