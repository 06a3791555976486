package org.dropcart.group.interfaces.batch;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.dropcart.group.application.Dispatcher;
import org.dropcart.group.application.Grouping;

/**
 * Seals every open group whose window's end plus its pool's lateness has passed, a batch per
 * transaction (those of pools dispatching on seal go to their processor), then fails the groups a
 * processor has kept past {@code dropcart.processor.timeout}.
 */
@Dependent
@Named("SealDueWindows")
public class SealDueWindows extends AbstractBatchlet {
  @Inject private Grouping grouping;
  @Inject private Dispatcher dispatcher;
  @Inject private StepContext step;

  @Override
  @WithSpan("batch.timestamp-grouping.seal")
  public String process() {
    int sealed = 0;
    for (int n = grouping.sealDue().size(); n > 0; n = grouping.sealDue().size()) {
      sealed += n;
    }
    int overdue = dispatcher.failOverdue();
    String exit = "SEALED " + sealed + " groups, " + overdue + " overdue at their processor";
    step.setExitStatus(exit);
    return exit;
  }
}
