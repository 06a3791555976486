package org.dropcart.pool.interfaces.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dropcart.identity.interfaces.console.WebSession;
import org.dropcart.platform.domain.Listing;
import org.dropcart.platform.domain.PageRequest;
import org.dropcart.pool.application.PoolService;
import org.dropcart.pool.application.PoolView;

/**
 * Pool names for the console pages that list other contexts' rows by pool id: a row shows its
 * pool's name, and a filter offers the pools by name. Looked up once per request.
 */
@Named
@RequestScoped
public class PoolNames {
  @Inject private PoolService pools;
  @Inject private WebSession session;

  private List<PoolView> all;
  private final Map<String, String> names = new HashMap<>();

  /** The pools in name order, for a filter (the first {@value PageRequest#MAX_SIZE}). */
  public List<PoolView> getOptions() {
    if (all == null) {
      all = pools.list(Listing.of(new PageRequest(0, PageRequest.MAX_SIZE)), session.caller()).items();
      all.forEach(p -> names.put(p.id(), p.name()));
    }
    return all;
  }

  /** The pool's name, or its id when it is gone. */
  public String of(String poolId) {
    if (poolId == null) {
      return "";
    }
    return names.computeIfAbsent(poolId, id -> pools.find(id).map(p -> p.name().value()).orElse(id));
  }
}
