package org.dropcart.pool.application;

import java.time.Instant;
import org.dropcart.pool.domain.Membership;

/** A member of a pool with the client identity it has there. */
public record MemberView(String poolId, String clientId, String clientName, String userId, Instant joinedAt) {
  public static MemberView of(Membership m) {
    return new MemberView(m.poolId(), m.clientId(), m.clientName(), m.userId(), m.joinedAt());
  }
}
