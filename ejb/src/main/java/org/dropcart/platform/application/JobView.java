package org.dropcart.platform.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What an operator sees of one batch job: its schedule and its latest executions. */
public record JobView(
    String name,
    String description,
    String schedule,
    Instant nextRunAt,
    List<Execution> executions) {

  /** One run of the job. */
  public record Execution(
      long executionId,
      String batchStatus,
      String exitStatus,
      Instant createdAt,
      Instant startedAt,
      Instant endedAt,
      Map<String, String> parameters,
      List<Step> steps) {}

  /** An execution with the name of its job, as a row of the list of every run. */
  public record Run(String job, Execution execution) {
    public String key() {
      return Long.toString(execution.executionId());
    }

    public boolean restartable() {
      return "FAILED".equals(execution.batchStatus()) || "STOPPED".equals(execution.batchStatus());
    }

    public boolean active() {
      return "STARTING".equals(execution.batchStatus()) || "STARTED".equals(execution.batchStatus())
          || "STOPPING".equals(execution.batchStatus());
    }
  }

  /** One step of a run, with the counters Jakarta Batch keeps for chunk steps. */
  public record Step(
      String name,
      String batchStatus,
      String exitStatus,
      Instant startedAt,
      Instant endedAt,
      Map<String, Long> metrics) {}
}
