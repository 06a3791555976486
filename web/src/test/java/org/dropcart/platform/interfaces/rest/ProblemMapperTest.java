package org.dropcart.platform.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import jakarta.jms.JMSRuntimeException;
import jakarta.transaction.SystemException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures are an outage of a backing service (503, retry) rather than a server bug (500). */
class ProblemMapperTest {
  @Test
  void brokerFailuresAnywhereInTheChainAre503() {
    Problem p = ProblemMapper.outage(new EJBException(new RuntimeException(new JMSRuntimeException("refused"))));
    assertThat(p.status()).isEqualTo(503);
    assertThat(p.kind()).isEqualTo("broker-unavailable");
  }

  @Test
  void lostDatabaseConnectionsAre503() {
    for (String state : new String[] {"08001", "08006", "57P01", "57P03"}) {
      Problem p = ProblemMapper.outage(new RuntimeException("EclipseLink", new SQLException("gone", state)));
      assertThat(p).as(state).isNotNull();
      assertThat(p.kind()).isEqualTo("database-unavailable");
    }
  }

  @Test
  void aTransactionTheManagerCouldNotEndIs503() {
    assertThat(ProblemMapper.outage(new EJBException(new SystemException("JTS5031"))).kind())
        .isEqualTo("transaction-failed");
  }

  @Test
  void otherFailuresStayInternalErrors() {
    assertThat(ProblemMapper.outage(new IllegalStateException("a bug"))).isNull();
    assertThat(ProblemMapper.outage(new RuntimeException(new SQLException("duplicate key", "23505")))).isNull();
    assertThat(ProblemMapper.outage(new RuntimeException(new SQLException("no state")))).isNull();
  }
}
