package org.dropcart.identity.interfaces.batch;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.dropcart.identity.application.IdentityService;

/** Step of token-cleanup: deletes deny-list entries of tokens past their own expiry. */
@Dependent
@Named("PurgeExpiredRevocations")
public class PurgeExpiredRevocations extends AbstractBatchlet {
  @Inject private IdentityService identity;
  @Inject private StepContext step;

  @Override
  @WithSpan("batch.token-cleanup.purge-expired-revocations")
  public String process() {
    int purged = identity.purgeExpiredRevocations();
    String exit = "PURGED " + purged;
    step.setExitStatus(exit);
    return exit;
  }
}
