package org.dropcart.function.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.dropcart.platform.domain.InvalidInputException;

/**
 * A runtime (seed 002): how the functions registered into it are prepared and run. With no
 * container engine, {@code dependencies} runs in the function's directory to install what it
 * requires and {@code run} starts it, both through {@code /bin/sh -c}; {@code image} and {@code
 * path} are kept for a container engine (the seed's Docker image and mount point).
 */
@Entity
@Table(name = "faas_runtimes")
@NamedQuery(name = "FunctionRuntime.names", query = "SELECT r.name FROM FunctionRuntime r ORDER BY r.name")
public class FunctionRuntime {
  private static final int MAX_COMMAND = 1024;

  @Id
  @Column(name = "name", length = 64)
  private String name;

  @Column(name = "image", length = 255)
  private String image;

  @Column(name = "path", length = 255)
  private String path;

  @Column(name = "dependencies", length = MAX_COMMAND)
  private String dependencies;

  @Column(name = "run_command", nullable = false, length = MAX_COMMAND)
  private String run;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected FunctionRuntime() {}

  public FunctionRuntime(String name, String image, String path, String dependencies, String run, String by,
      Instant now) {
    this.name = FunctionNames.require("name", name);
    this.createdBy = Objects.requireNonNull(by);
    this.createdAt = now;
    redefine(image, path, dependencies, run, now);
  }

  /** Registering a known name again replaces its definition (functions keep their files). */
  public void redefine(String image, String path, String dependencies, String run, Instant now) {
    if (run == null || run.isBlank()) {
      throw new InvalidInputException("run", "is required: the command that runs a function (e.g. python3 test.py)");
    }
    this.image = optional("image", image, 255);
    this.path = optional("path", path, 255);
    this.dependencies = optional("dependencies", dependencies, MAX_COMMAND);
    this.run = optional("run", run, MAX_COMMAND);
    this.updatedAt = now;
  }

  private static String optional(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > max || value.indexOf('\0') >= 0) {
      throw new InvalidInputException(field, "holds at most " + max + " characters and no NUL");
    }
    return value.trim();
  }

  public String name() {
    return name;
  }

  public String image() {
    return image;
  }

  public String path() {
    return path;
  }

  /** The dependency command, or null when the runtime installs nothing. */
  public String dependencies() {
    return dependencies;
  }

  public String run() {
    return run;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
