package org.dropcart.group.interfaces.batch;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.dropcart.group.application.Grouping;
import org.dropcart.group.domain.GroupingRules;
import org.dropcart.group.domain.PendingFile;

/** Places each pending file by its pool's rules ({@link GroupingRules}), read once per pool per run. */
@Dependent
@Named("WindowAssigner")
public class WindowAssigner implements ItemProcessor {
  @Inject private Grouping grouping;
  @Inject private Clock clock;

  private final Map<String, GroupingRules> rules = new HashMap<>();

  @Override
  public Object processItem(Object item) {
    PendingFile f = (PendingFile) item;
    return rules.computeIfAbsent(f.poolId(), grouping::rules)
        .place(f.fileName(), f.poolId(), f.timestamp(), f.storedAt(), f.size(), clock.instant());
  }
}
