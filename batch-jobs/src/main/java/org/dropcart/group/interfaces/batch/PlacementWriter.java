package org.dropcart.group.interfaces.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.dropcart.group.application.Grouping;
import org.dropcart.group.domain.Placement;

/** Writes a chunk's placements in bulk, in the chunk's transaction; the step's exit status counts them. */
@Dependent
@Named("PlacementWriter")
public class PlacementWriter extends AbstractItemWriter {
  @Inject private Grouping grouping;
  @Inject private StepContext step;

  private long grouped;
  private long rejected;
  private long groupsMade;
  private long left;

  @Override
  public void writeItems(List<Object> items) {
    Grouping.Placed placed = grouping.place(items.stream().map(Placement.class::cast).toList());
    grouped += placed.grouped();
    rejected += placed.rejected();
    groupsMade += placed.groupsMade();
    left += placed.leftPending();
    step.setExitStatus("GROUPED " + grouped + " files, REJECTED " + rejected + " late, " + groupsMade + " new groups"
        + (left > 0 ? ", " + left + " left for the next run" : ""));
  }
}
