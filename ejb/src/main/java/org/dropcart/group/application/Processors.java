package org.dropcart.group.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.group.domain.GroupRepository;
import org.dropcart.group.domain.Processor;
import org.dropcart.group.domain.Trigger;
import org.dropcart.platform.application.Caller;
import org.dropcart.platform.domain.NotFoundException;
import org.dropcart.pool.application.PoolService;

/** Each pool's optional external processor: admins set, read and remove it. */
@Stateless
public class Processors {
  private static final Logger LOG = Logger.getLogger(Processors.class.getName());

  @Inject private GroupRepository groups;
  @Inject private PoolService pools;
  @Inject private Clock clock;

  /** Sets (or replaces) the pool's processor. */
  public ProcessorView configure(String poolId, String url, String secret, String trigger, Caller caller) {
    caller.requireAdmin("set a pool's processor");
    pools.requireAccess(poolId, caller);
    Trigger t = Trigger.parse(trigger);
    Processor processor = groups.processor(poolId).orElse(null);
    if (processor == null) {
      processor = new Processor(poolId, url, secret, t, caller.username(), clock.instant());
      groups.store(processor);
    } else {
      processor.change(url, secret, t, caller.username(), clock.instant());
    }
    LOG.log(Level.INFO, "Pool {0} now sends its groups to {1} ({2})",
        new Object[] {poolId, processor.url(), t.wire()});
    return ProcessorView.of(processor);
  }

  public ProcessorView of(String poolId, Caller caller) {
    caller.requireAdmin("set a pool's processor");
    pools.requireAccess(poolId, caller);
    return ProcessorView.of(existing(poolId));
  }

  /** The processors of the given pools, by pool id, for an admin's listing (pools without one are absent). */
  public java.util.Map<String, ProcessorView> ofPools(java.util.Collection<String> poolIds, Caller caller) {
    caller.requireAdmin("set a pool's processor");
    return groups.processors(poolIds).stream()
        .collect(java.util.stream.Collectors.toMap(Processor::poolId, ProcessorView::of));
  }

  public void remove(String poolId, Caller caller) {
    caller.requireAdmin("set a pool's processor");
    pools.requireAccess(poolId, caller);
    groups.remove(existing(poolId));
  }

  private Processor existing(String poolId) {
    return groups.processor(poolId).orElseThrow(() -> new NotFoundException("no-processor",
        "Pool " + poolId + " has no processor"));
  }
}
