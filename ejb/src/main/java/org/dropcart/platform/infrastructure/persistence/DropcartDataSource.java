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
 *
 * <p>The pool checks a connection ({@code Connection.isValid}) before handing it out, at most
 * every 2 s, and drops every connection once one is found dead: after a database restart no
 * request gets a connection that died with the old server.
 */
@DataSourceDefinition(
    name = DropcartDataSource.JNDI_NAME,
    className = "org.dropcart.platform.infrastructure.persistence.ConfiguredDataSource",
    minPoolSize = 2,
    maxPoolSize = 32,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
      "fish.payara.validate-atmost-once-period-in-seconds=2",
      "fish.payara.fail-all-connections=true"
    })
@Singleton
public class DropcartDataSource {
  public static final String JNDI_NAME = "java:app/jdbc/dropcart";
}
