package org.dropcart.platform.infrastructure.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * Declares the application's relational data source. Payara pools {@link ConfiguredDataSource},
 * which reads {@code dropcart.db.*} from MicroProfile Config when it opens connections: the
 * default is an H2 file database under the data directory, and the production profile points the
 * same keys at PostgreSQL without a rebuild. (Payara would resolve {@code ${MPCONFIG=…}} in this
 * annotation at deployment, but only against server-level sources, not the application's own
 * defaults.)
 */
@DataSourceDefinition(
    name = DropcartDataSource.JNDI_NAME,
    className = "org.dropcart.platform.infrastructure.persistence.ConfiguredDataSource",
    minPoolSize = 2,
    maxPoolSize = 32)
@Singleton
public class DropcartDataSource {
  public static final String JNDI_NAME = "java:app/jdbc/dropcart";
}
