package org.dropcart.identity.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.dropcart.platform.application.JobDefinition;

/** The batch jobs the identity context owns. */
@ApplicationScoped
public class IdentityJobs {
  public static final String TOKEN_CLEANUP = "token-cleanup";

  @Produces
  JobDefinition tokenCleanup() {
    return new JobDefinition(
        TOKEN_CLEANUP,
        "Deletes revocation entries of tokens that have expired anyway, and audit records older "
            + "than dropcart.audit.retention",
        "dropcart.jobs.token-cleanup.interval");
  }
}
