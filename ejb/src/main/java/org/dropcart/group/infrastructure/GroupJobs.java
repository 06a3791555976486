package org.dropcart.group.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.dropcart.platform.application.JobDefinition;

/** The batch jobs the group context owns. */
@ApplicationScoped
public class GroupJobs {
  public static final String TIMESTAMP_GROUPING = "timestamp-grouping";

  @Produces
  JobDefinition timestampGrouping() {
    return new JobDefinition(
        TIMESTAMP_GROUPING,
        "Places stored files in their pool's timestamp-window groups and seals the windows whose time is up",
        "dropcart.grouping.schedule");
  }
}
