package org.dropcart.function.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.function.domain.Call;
import org.dropcart.function.domain.FunctionProcesses;
import org.dropcart.function.domain.PreloadPolicy;

/**
 * Runs one call on this node: takes one of the {@code dropcart.faas.workers} slots (the
 * "miniworkers"), marks the call RUNNING, prepares its working directory by the preload policy,
 * runs the runtime's {@code run} command with the params on stdin and in {@code DROPCART_PARAMS},
 * and records how it ended. Each step that changes the call is its own short transaction; the
 * process runs outside any.
 */
@ApplicationScoped
public class Invoker {
  private static final Logger LOG = Logger.getLogger(Invoker.class.getName());

  @Inject private FunctionCatalog catalog;
  @Inject private FunctionWorkspaces workspaces;
  @Inject private FunctionProcesses processes;
  @Inject private FunctionSettings settings;
  @Inject private CallCompletions completions;

  private BlockingQueue<Integer> slots;
  private String node;
  private PreloadPolicy policy;

  private synchronized BlockingQueue<Integer> slots() {
    if (slots == null) {
      int n = Math.min(settings.workers(), MAX_WORKERS);
      slots = new ArrayBlockingQueue<>(n);
      for (int i = 1; i <= n; i++) {
        slots.add(i);
      }
      node = settings.node();
      policy = settings.preload();
    }
    return slots;
  }

  /** The ceiling of {@code dropcart.faas.workers}: the invocation MDB's {@code maxSession}. */
  public static final int MAX_WORKERS = 16;

  public void run(long callNum) throws InterruptedException {
    BlockingQueue<Integer> free = slots();
    Integer slot = free.take();
    try {
      runIn(callNum, node + "#" + slot);
    } finally {
      free.add(slot);
    }
  }

  private void runIn(long callNum, String worker) throws InterruptedException {
    Optional<CallRun> taken = catalog.start(callNum, worker);
    if (taken.isEmpty()) {
      return;
    }
    CallRun run = taken.get();
    Map<String, String> env = environment(run);
    try {
      Path dir = workspaces.prepare(run, policy, env);
      env.put("HOME", dir.toString());
      env.put("TMPDIR", dir.toString());
      FunctionProcesses.Ended ended = processes.run(run.run(), dir, env,
          run.params().getBytes(StandardCharsets.UTF_8), settings.limits());
      catalog.finished(callNum, new Call.Outcome(ended.exitCode(), ended.stdout().text(), ended.stdout().truncated(),
          ended.stderr().text(), ended.timedOut(), settings.timeout()));
    } catch (FunctionWorkspaces.DependenciesFailed e) {
      catalog.failed(callNum, e.getMessage() + ": " + tail(e.ended().stderr().text()));
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Call {0} could not run: {1}", new Object[] {callNum, e.toString()});
      catalog.failed(callNum, "the call could not run: " + e.getMessage());
    } finally {
      completions.ended(callNum);
      workspaces.release(callNum);
    }
  }

  private Map<String, String> environment(CallRun run) {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", settings.path());
    env.put("LANG", "C.UTF-8");
    env.put("DROPCART_PARAMS", run.params());
    env.put("DROPCART_CALL", Long.toString(run.callNum()));
    env.put("DROPCART_FUNCTION", run.funcName());
    env.put("DROPCART_VERSION", Integer.toString(run.version()));
    return env;
  }

  private static String tail(String text) {
    return text.length() > 600 ? "…" + text.substring(text.length() - 600) : text;
  }

  public String node() {
    slots();
    return node;
  }

  public PreloadPolicy policy() {
    slots();
    return policy;
  }

  public int workers() {
    return slots().remainingCapacity() + slots().size();
  }
}
