package org.dropcart.upload.interfaces.batch;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.dropcart.upload.application.Uploads;

/** The upload-purge step: expires idle uploads and frees their bytes. */
@Dependent
@Named("PurgeExpiredUploads")
public class PurgeExpiredUploads extends AbstractBatchlet {
  @Inject private Uploads uploads;
  @Inject private StepContext step;

  @Override
  @WithSpan("batch.upload-purge")
  public String process() {
    Uploads.Purged purged = uploads.purgeExpired();
    String exit = "PURGED " + purged.uploads() + " uploads, " + purged.bytes() + " bytes, "
        + purged.leftovers() + " leftover files";
    step.setExitStatus(exit);
    return exit;
  }
}
