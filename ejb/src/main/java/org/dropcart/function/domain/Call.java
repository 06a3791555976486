package org.dropcart.function.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.dropcart.platform.domain.ConflictException;

/**
 * One invocation of a function version with its params: {@code PENDING} until a worker takes it,
 * {@code RUNNING} while its process lives, then {@code DONE} (exit 0), {@code FAILED} (non-zero
 * exit, or no process could start) or {@code TIMEOUT} (killed at the wall-clock limit). A call
 * whose worker died mid-run is taken again once ({@link #requeue}), then failed.
 */
@Entity
@Table(name = "faas_calls")
@NamedQuery(name = "Call.all", query = "SELECT c FROM Call c ORDER BY c.callNum")
@NamedQuery(name = "Call.runningSince",
    query = "SELECT c FROM Call c WHERE c.status = org.dropcart.function.domain.CallStatus.RUNNING"
        + " AND c.startedAt < :before ORDER BY c.callNum")
public class Call {
  /** A call is run at most this many times (the first run and one after a crash). */
  public static final int MAX_ATTEMPTS = 2;

  private static final int MAX_REASON = 1024;

  @Id
  @SequenceGenerator(name = "faas_call_seq", sequenceName = "faas_call_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "faas_call_seq")
  @Column(name = "call_num")
  private Long callNum;

  @Column(name = "func_name", nullable = false, length = 64)
  private String funcName;

  @Column(name = "fn_version", nullable = false)
  private int version;

  @Column(name = "params", nullable = false, length = 65536)
  private String params;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 8)
  private CallStatus status;

  @Column(name = "result", length = 1048576)
  private String result;

  @Column(name = "truncated", nullable = false)
  private boolean truncated;

  @Column(name = "exit_code")
  private Integer exitCode;

  @Column(name = "stderr", length = 16384)
  private String stderr;

  @Column(name = "reason", length = MAX_REASON)
  private String reason;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Column(name = "worker", length = 128)
  private String worker;

  @Column(name = "owner_id", nullable = false, length = 36)
  private String ownerId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(name = "duration_ms")
  private Long durationMs;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected Call() {}

  public Call(String funcName, int version, String params, String ownerId, Instant now) {
    this.funcName = Objects.requireNonNull(funcName);
    this.version = version;
    this.params = Objects.requireNonNull(params);
    this.ownerId = Objects.requireNonNull(ownerId);
    this.status = CallStatus.PENDING;
    this.createdAt = now;
  }

  /**
   * A worker takes the call; false when it is not {@code PENDING} (a duplicate or late message, or
   * a call another worker already holds), and then the worker leaves it alone.
   */
  public boolean start(String worker, Instant now) {
    if (status != CallStatus.PENDING) {
      return false;
    }
    this.status = CallStatus.RUNNING;
    this.worker = Objects.requireNonNull(worker);
    this.startedAt = now;
    this.attempts++;
    return true;
  }

  /** The process ended (or was killed): DONE on exit 0, TIMEOUT when killed at the limit, else FAILED. */
  public void finish(Outcome outcome, Instant now) {
    requireRunning();
    this.exitCode = outcome.exitCode();
    this.result = outcome.stdout();
    this.truncated = outcome.truncated();
    this.stderr = outcome.stderr();
    if (outcome.timedOut()) {
      end(CallStatus.TIMEOUT, "killed after " + outcome.limit() + " (dropcart.faas.timeout)", now);
    } else if (outcome.exitCode() != null && outcome.exitCode() == 0) {
      end(CallStatus.DONE, null, now);
    } else {
      end(CallStatus.FAILED, "the function exited with code " + outcome.exitCode(), now);
    }
  }

  /** The call could not run at all (its files are gone, no process could start). */
  public void fail(String why, Instant now) {
    if (status.finished()) {
      return;
    }
    end(CallStatus.FAILED, why, now);
  }

  /**
   * The worker running the call died with it (the node stopped mid-call): the call is taken again
   * if it has attempts left (true), or fails with the reason.
   */
  public boolean requeue(Instant now) {
    requireRunning();
    if (attempts < MAX_ATTEMPTS) {
      this.status = CallStatus.PENDING;
      this.reason = "requeued after its worker " + worker + " stopped mid-call (attempt " + attempts + ")";
      this.worker = null;
      this.startedAt = null;
      return true;
    }
    end(CallStatus.FAILED, "its worker " + worker + " stopped mid-call, " + attempts + " times", now);
    return false;
  }

  private void end(CallStatus ending, String why, Instant now) {
    this.status = ending;
    this.reason = why == null ? null : why.length() > MAX_REASON ? why.substring(0, MAX_REASON) : why;
    this.finishedAt = now;
    this.durationMs = startedAt == null ? 0L : Duration.between(startedAt, now).toMillis();
  }

  private void requireRunning() {
    if (status != CallStatus.RUNNING) {
      throw new ConflictException("call-not-running", "Call " + callNum + " is " + status + ", not RUNNING");
    }
  }

  /** How a run ended. {@code exitCode} is null when the process was killed. */
  public record Outcome(Integer exitCode, String stdout, boolean truncated, String stderr, boolean timedOut,
      Duration limit) {}

  public Long callNum() {
    return callNum;
  }

  public String funcName() {
    return funcName;
  }

  public int version() {
    return version;
  }

  public String params() {
    return params;
  }

  public CallStatus status() {
    return status;
  }

  public String result() {
    return result;
  }

  public boolean truncated() {
    return truncated;
  }

  public Integer exitCode() {
    return exitCode;
  }

  public String stderr() {
    return stderr;
  }

  public String reason() {
    return reason;
  }

  public int attempts() {
    return attempts;
  }

  public String worker() {
    return worker;
  }

  public String ownerId() {
    return ownerId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  public Long durationMs() {
    return durationMs;
  }
}
