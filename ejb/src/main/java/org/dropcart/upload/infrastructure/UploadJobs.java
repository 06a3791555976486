package org.dropcart.upload.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.dropcart.platform.application.JobDefinition;

/** The batch jobs the upload context owns. */
@ApplicationScoped
public class UploadJobs {
  public static final String UPLOAD_PURGE = "upload-purge";

  @Produces
  JobDefinition uploadPurge() {
    return new JobDefinition(
        UPLOAD_PURGE,
        "Expires uploads that received nothing for dropcart.upload.expiration and deletes their bytes",
        "dropcart.upload.purge-interval");
  }
}
