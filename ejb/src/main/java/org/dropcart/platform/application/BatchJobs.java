package org.dropcart.platform.application;

import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.platform.domain.ConflictException;
import org.dropcart.platform.domain.NotFoundException;
import org.eclipse.microprofile.config.Config;

/**
 * Starts Dropcart's batch jobs and reports on them. Every job any context declares as a {@link
 * JobDefinition} is listed, whether it ever ran or not; a job is never started while an execution
 * of it is still running.
 *
 * <p>Outside any transaction: the job repository commits its own writes. On PostgreSQL, whose DDL
 * is transactional, the repository's tables (made on first use) were otherwise made inside the
 * caller's transaction and vanished with its rollback ("relation jbatchexecutioninstancedata does
 * not exist" on a fresh database).
 */
@Stateless
@jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
public class BatchJobs {
  private static final Logger LOG = Logger.getLogger(BatchJobs.class.getName());

  @Inject @Any private Instance<JobDefinition> definitions;
  @Inject private Config config;

  public List<JobDefinition> definitions() {
    return definitions.stream().sorted(Comparator.comparing(JobDefinition::name)).toList();
  }

  public JobDefinition definition(String name) {
    return definitions.stream()
        .filter(d -> d.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("unknown-job", "No batch job named '" + name + "'"));
  }

  /**
   * Makes the job repository ready (Payara makes its tables on first use) before anything starts
   * a job, so that the first start never races the tables' creation.
   */
  public void prepareRepository() {
    BatchRuntime.getJobOperator().getJobNames();
  }

  /** The job's schedule as configured: an ISO-8601 interval, or {@code off}. */
  public String schedule(JobDefinition definition) {
    return config.getOptionalValue(definition.intervalKey(), String.class).orElse("off");
  }

  /**
   * Starts the job now and returns the execution id.
   *
   * @throws ConflictException when an execution of the job is still running
   */
  public long start(String name, Properties parameters) {
    JobDefinition definition = definition(name);
    JobOperator operator = BatchRuntime.getJobOperator();
    if (isRunning(operator, definition.name())) {
      throw new ConflictException(
          "job-running", "Job '" + name + "' is already running; wait for it to finish");
    }
    long id = operator.start(definition.name(), parameters);
    LOG.log(Level.INFO, "Started batch job {0}, execution {1,number,#}", new Object[] {name, id});
    return id;
  }

  /**
   * Asks a running execution to stop; chunk steps stop at their next checkpoint.
   *
   * @throws ConflictException when the execution is not running
   */
  public void stop(long executionId) {
    JobOperator operator = BatchRuntime.getJobOperator();
    try {
      operator.stop(executionId);
    } catch (JobExecutionNotRunningException e) {
      throw new ConflictException("job-not-running", "Execution " + executionId + " is not running");
    } catch (NoSuchJobExecutionException e) {
      throw new NotFoundException("unknown-execution", "No job execution " + executionId);
    }
    LOG.log(Level.INFO, "Asked execution {0,number,#} to stop", executionId);
  }

  /**
   * Restarts a FAILED or STOPPED execution with its parameters, from where it left off; returns the
   * new execution id.
   *
   * @throws ConflictException when it is neither, is not its instance's latest execution, or its job
   *     is running
   */
  public long restart(long executionId) {
    JobOperator operator = BatchRuntime.getJobOperator();
    JobExecution execution;
    try {
      execution = operator.getJobExecution(executionId);
    } catch (NoSuchJobExecutionException e) {
      throw new NotFoundException("unknown-execution", "No job execution " + executionId);
    }
    BatchStatus status = execution.getBatchStatus();
    if (status != BatchStatus.FAILED && status != BatchStatus.STOPPED) {
      throw new ConflictException("not-restartable", "Only a FAILED or STOPPED execution can be restarted;"
          + " execution " + executionId + " is " + status);
    }
    if (isRunning(operator, execution.getJobName())) {
      throw new ConflictException(
          "job-running", "Job '" + execution.getJobName() + "' is already running; wait for it to finish");
    }
    try {
      long id = operator.restart(executionId, execution.getJobParameters());
      LOG.log(Level.INFO, "Restarted execution {0,number,#} as {1,number,#}", new Object[] {executionId, id});
      return id;
    } catch (JobExecutionNotMostRecentException e) {
      throw new ConflictException("not-most-recent", "Execution " + executionId
          + " was already restarted; restart its latest execution instead");
    } catch (JobRestartException | JobExecutionAlreadyCompleteException e) {
      throw new ConflictException("not-restartable", "Execution " + executionId + " cannot be restarted: "
          + e.getMessage());
    }
  }

  /**
   * Whether an execution of the job is running in this process. An execution the repository still
   * calls running although it was created before this JVM started belongs to a process that died
   * (a crash or kill -9 leaves it so): it is ignored, and a new execution picks the work up, since
   * every job keeps its progress in the data it works on.
   */
  private static boolean isRunning(JobOperator operator, String name) {
    List<Long> running;
    try {
      running = operator.getRunningExecutions(name);
    } catch (NoSuchJobException neverRan) {
      return false;
    }
    Date started = new Date(java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
    for (long id : running) {
      JobExecution e = operator.getJobExecution(id);
      if (e.getCreateTime() == null || !e.getCreateTime().before(started)) {
        return true;
      }
      LOG.log(Level.WARNING, "Execution {0,number,#} of job {1} was left running by a process that ended;"
          + " ignoring it", new Object[] {id, name});
    }
    return false;
  }

  /** Every known job with its {@code latest} most recent executions, newest first. */
  public List<JobView> list(int latest, Map<String, Instant> nextRuns) {
    JobOperator operator = BatchRuntime.getJobOperator();
    return definitions().stream()
        .map(
            d ->
                new JobView(
                    d.name(),
                    d.description(),
                    schedule(d),
                    nextRuns.get(d.name()),
                    executions(operator, d.name(), latest)))
        .toList();
  }

  private static final java.util.Set<String> RUN_SORTS = java.util.Set.of("executionId", "job", "batchStatus");

  /**
   * The {@code latest} executions of every job as one list. Sort fields: {@code executionId}
   * (default, newest first), {@code job}, {@code batchStatus}; filters {@code job} and {@code
   * batchStatus} (contained, case-insensitive).
   */
  public org.dropcart.platform.domain.Page<JobView.Run> runs(org.dropcart.platform.domain.Listing listing, int latest) {
    JobOperator operator = BatchRuntime.getJobOperator();
    String job = listing.filter("job").map(v -> v.toLowerCase(java.util.Locale.ROOT)).orElse("");
    String status = listing.filter("batchStatus").map(v -> v.toLowerCase(java.util.Locale.ROOT)).orElse("");
    Comparator<JobView.Run> order = switch (listing.sortOr(RUN_SORTS, "executionId")) {
      case "job" -> Comparator.comparing(JobView.Run::job);
      case "batchStatus" -> Comparator.comparing(r -> String.valueOf(r.execution().batchStatus()));
      default -> Comparator.comparingLong(r -> r.execution().executionId());
    };
    List<JobView.Run> runs = definitions().stream()
        .filter(d -> d.name().toLowerCase(java.util.Locale.ROOT).contains(job))
        .flatMap(d -> executions(operator, d.name(), latest).stream().map(e -> new JobView.Run(d.name(), e)))
        .filter(r -> String.valueOf(r.execution().batchStatus()).toLowerCase(java.util.Locale.ROOT).contains(status))
        .sorted(listing.descendingOr(RUN_SORTS, true) ? order.reversed() : order)
        .toList();
    return org.dropcart.platform.domain.Page.slice(runs, listing.page());
  }

  /** Whether an execution of any job is running in this process (the console polls while so). */
  public boolean anyRunning() {
    JobOperator operator = BatchRuntime.getJobOperator();
    return definitions().stream().anyMatch(d -> isRunning(operator, d.name()));
  }

  private static List<JobView.Execution> executions(JobOperator operator, String name, int latest) {
    List<JobInstance> instances;
    try {
      instances = operator.getJobInstances(name, 0, latest);
    } catch (NoSuchJobException neverRan) {
      return List.of();
    }
    return instances.stream()
        .flatMap(i -> operator.getJobExecutions(i).stream())
        .sorted(Comparator.comparingLong(JobExecution::getExecutionId).reversed())
        .limit(latest)
        .map(e -> execution(operator, e))
        .toList();
  }

  private static JobView.Execution execution(JobOperator operator, JobExecution e) {
    Map<String, String> parameters = new TreeMap<>();
    Optional.ofNullable(e.getJobParameters())
        .ifPresent(p -> p.stringPropertyNames().forEach(k -> parameters.put(k, p.getProperty(k))));
    List<JobView.Step> steps =
        operator.getStepExecutions(e.getExecutionId()).stream()
            .sorted(Comparator.comparingLong(StepExecution::getStepExecutionId))
            .map(BatchJobs::step)
            .toList();
    return new JobView.Execution(
        e.getExecutionId(),
        name(e.getBatchStatus()),
        e.getExitStatus(),
        instant(e.getCreateTime()),
        instant(e.getStartTime()),
        instant(e.getEndTime()),
        parameters,
        steps);
  }

  private static JobView.Step step(StepExecution s) {
    Map<String, Long> metrics = new LinkedHashMap<>();
    if (s.getMetrics() != null) {
      for (Metric m : s.getMetrics()) {
        metrics.put(m.getType().name(), m.getValue());
      }
    }
    return new JobView.Step(
        s.getStepName(),
        name(s.getBatchStatus()),
        s.getExitStatus(),
        instant(s.getStartTime()),
        instant(s.getEndTime()),
        metrics);
  }

  private static String name(BatchStatus status) {
    return status == null ? null : status.name();
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
