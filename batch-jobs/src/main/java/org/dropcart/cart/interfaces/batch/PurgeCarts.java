package org.dropcart.cart.interfaces.batch;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.dropcart.cart.application.CartSpace;

/** The lru-purge step: least recently used ready carts go while carts are above the high-water mark. */
@Dependent
@Named("PurgeCarts")
public class PurgeCarts extends AbstractBatchlet {
  @Inject private CartSpace space;
  @Inject private StepContext step;

  @Override
  @WithSpan("batch.lru-purge")
  public String process() {
    String exit = "PURGED " + space.purgeToHighWater() + " carts";
    step.setExitStatus(exit);
    return exit;
  }
}
