package org.dropcart.platform.application;

import java.util.Objects;

/**
 * A Jakarta Batch job Dropcart knows about: its job XML name (in {@code META-INF/batch-jobs/} of the
 * batch-jobs module), what it does, and the configuration key holding its schedule as an ISO-8601
 * interval ({@code PT1H}) or {@code off}. Each bounded context contributes its jobs as CDI beans of
 * this type; the scheduler and the jobs API pick them all up.
 */
public record JobDefinition(String name, String description, String intervalKey) {
  public JobDefinition {
    Objects.requireNonNull(name, "name is required.");
    Objects.requireNonNull(description, "description is required.");
    Objects.requireNonNull(intervalKey, "intervalKey is required.");
  }
}
