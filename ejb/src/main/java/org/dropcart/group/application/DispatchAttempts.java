package org.dropcart.group.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import org.dropcart.group.domain.FileGroup;
import org.dropcart.group.domain.GroupRepository;

/** Records, in a transaction of its own, that an attempt at handing a group over begins. */
@Stateless
public class DispatchAttempts {
  /** What the record says. */
  public enum Begun {
    /** Go ahead: the attempt is recorded. */
    GO,
    /** An earlier attempt of this dispatch began and never finished. */
    UNFINISHED,
    /** The dispatch is no longer the group's current one. */
    OVER
  }

  @Inject private GroupRepository groups;
  @Inject private Clock clock;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Begun begin(String groupId, String dispatchId) {
    FileGroup g = groups.find(groupId).orElse(null);
    if (g == null || !g.awaits(dispatchId)) {
      return Begun.OVER;
    }
    return g.beginAttempt(dispatchId, clock.instant()) ? Begun.GO : Begun.UNFINISHED;
  }
}
