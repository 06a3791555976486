package org.dropcart.identity.interfaces.batch;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.dropcart.identity.application.AuditLog;

/** Step of token-cleanup: deletes audit records older than the retention period. */
@Dependent
@Named("PurgeOldAuditRecords")
public class PurgeOldAuditRecords extends AbstractBatchlet {
  @Inject private AuditLog auditLog;
  @Inject private StepContext step;

  @Override
  @WithSpan("batch.token-cleanup.purge-old-audit-records")
  public String process() {
    int purged = auditLog.purgeExpired();
    String exit = "PURGED " + purged;
    step.setExitStatus(exit);
    return exit;
  }
}
