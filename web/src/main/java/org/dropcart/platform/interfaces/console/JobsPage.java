package org.dropcart.platform.interfaces.console;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Properties;
import org.dropcart.platform.application.BatchJobs;
import org.dropcart.platform.application.JobView;
import org.dropcart.platform.infrastructure.batch.JobScheduler;

/** The batch jobs page: every job with its schedule, its runs with their steps, start/stop/restart. */
@Named
@ViewScoped
public class JobsPage implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How many of each job's latest executions the page lists. */
  private static final int LATEST = 20;

  @Inject private BatchJobs jobs;
  @Inject private JobScheduler scheduler;

  private LazyTable<JobView.Run> runs;
  private List<JobView> overview;

  @PostConstruct
  void init() {
    runs = new LazyTable<>(listing -> jobs.runs(listing, LATEST), JobView.Run::key);
  }

  /** The jobs with their schedule and next run, read once per request that asks. */
  public List<JobView> getJobs() {
    if (overview == null) {
      overview = jobs.list(1, scheduler.nextRuns());
    }
    return overview;
  }

  public LazyTable<JobView.Run> getRuns() {
    return runs;
  }

  /** True while an execution of some job runs: the page polls then. */
  public boolean isRunning() {
    return jobs.anyRunning();
  }

  public void start(String name) {
    Messages.attempt(() -> "Started " + name + " (execution " + jobs.start(name, new Properties()) + ").");
    overview = null;
  }

  public void stop(JobView.Run run) {
    Messages.attempt(() -> jobs.stop(run.execution().executionId()),
        "Asked execution " + run.execution().executionId() + " of " + run.job() + " to stop.");
  }

  public void restart(JobView.Run run) {
    Messages.attempt(() -> "Restarted execution " + run.execution().executionId() + " of " + run.job()
        + " as execution " + jobs.restart(run.execution().executionId()) + ".");
  }
}
