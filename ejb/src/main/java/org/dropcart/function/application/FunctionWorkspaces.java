package org.dropcart.function.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.dropcart.function.domain.FunctionProcesses;
import org.dropcart.function.domain.PreloadPolicy;

/**
 * Makes a call's own working directory according to the node's preload policy
 * ({@code dropcart.faas.preload}):
 *
 * <ul>
 *   <li>{@code function}: the version's prepared directory (files + dependency step, made once) is
 *       copied; nothing is unpacked or installed per call.
 *   <li>{@code runtime}: the prepared directory is copied and the archive unpacked afresh over it,
 *       so the function's files are pristine and only the dependency step's work is reused.
 *   <li>{@code none}: the archive is unpacked and the dependency step runs, every call.
 * </ul>
 */
@ApplicationScoped
public class FunctionWorkspaces {
  private static final String READY = ".ready";

  private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  @Inject private FunctionFiles files;
  @Inject private FunctionSettings settings;
  @Inject private FunctionProcesses processes;

  /** The runtime's dependency step failed: the call fails with this. */
  public static final class DependenciesFailed extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient FunctionProcesses.Ended ended;

    DependenciesFailed(String message, FunctionProcesses.Ended ended) {
      super(message);
      this.ended = ended;
    }

    public FunctionProcesses.Ended ended() {
      return ended;
    }
  }

  /** The call's working directory, ready to run in. */
  public Path prepare(CallRun run, PreloadPolicy policy, Map<String, String> environment)
      throws IOException, InterruptedException, DependenciesFailed {
    Path dir = files.callDirectory(run.callNum());
    FunctionFiles.delete(dir); // a previous attempt's
    Files.createDirectories(dir.getParent());
    Path archive = files.archive(run.funcName(), run.version());
    if (!Files.isRegularFile(archive)) {
      throw new IOException("version " + run.version() + " of " + run.funcName() + " is gone from the volume");
    }
    if (policy.keepsPrepared()) {
      FunctionFiles.copyTree(prepared(run, environment), dir);
    } else {
      Files.createDirectories(dir);
    }
    if (policy.unpacksPerCall()) {
      unpack(run, archive, dir);
    }
    if (!policy.keepsPrepared()) {
      dependencies(run, dir, environment);
    }
    return dir;
  }

  private void unpack(CallRun run, Path archive, Path dir) throws IOException {
    Path staging = Files.createDirectories(dir.resolveSibling(dir.getFileName() + ".staging"));
    try {
      files.unpack(archive, run.funcName(), dir, settings.unpackLimits(), staging);
    } finally {
      FunctionFiles.delete(staging);
    }
  }

  /** The version's prepared directory, made by the first call that needs it (the others wait). */
  private Path prepared(CallRun run, Map<String, String> environment)
      throws IOException, InterruptedException, DependenciesFailed {
    Path prepared = files.prepared(run.funcName(), run.version())
        .resolve(run.runtimeName() + "-" + run.runtimeRevision());
    Path ready = prepared.resolveSibling(prepared.getFileName() + READY);
    if (Files.exists(ready)) {
      return prepared;
    }
    ReentrantLock lock = locks.computeIfAbsent(prepared.toString(), k -> new ReentrantLock());
    lock.lockInterruptibly();
    try {
      if (!Files.exists(ready)) {
        FunctionFiles.delete(prepared);
        Path source = files.files(run.funcName(), run.version());
        if (!Files.isDirectory(source)) {
          throw new IOException("the files of version " + run.version() + " of " + run.funcName() + " are gone");
        }
        FunctionFiles.copyTree(source, prepared);
        dependencies(run, prepared, environment);
        Files.writeString(ready, "");
      }
      return prepared;
    } finally {
      lock.unlock();
    }
  }

  private void dependencies(CallRun run, Path dir, Map<String, String> environment)
      throws IOException, InterruptedException, DependenciesFailed {
    if (run.dependencies() == null) {
      return;
    }
    Map<String, String> env = new java.util.HashMap<>(environment);
    env.put("HOME", dir.toString());
    FunctionProcesses.Ended ended = processes.run(run.dependencies(), dir, env, new byte[0], settings.dependencyLimits());
    if (ended.timedOut()) {
      throw new DependenciesFailed(
          "the runtime's dependency step was killed after " + settings.dependencyTimeout()
              + " (dropcart.faas.dependency-timeout)", ended);
    }
    if (ended.exitCode() == null || ended.exitCode() != 0) {
      throw new DependenciesFailed("the runtime's dependency step exited with code " + ended.exitCode(), ended);
    }
  }

  /** Deletes a call's working directory (unless dropcart.faas.keep-call-dirs). */
  public void release(long callNum) {
    if (!settings.keepCallDirectories()) {
      FunctionFiles.delete(files.callDirectory(callNum));
    }
  }
}
