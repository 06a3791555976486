package org.dropcart.function.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dropcart.function.domain.Call;
import org.dropcart.function.domain.Function;
import org.dropcart.function.domain.FunctionNames;
import org.dropcart.function.domain.FunctionRefused;
import org.dropcart.function.domain.FunctionRepository;
import org.dropcart.function.domain.FunctionRuntime;
import org.dropcart.platform.application.Caller;
import org.dropcart.platform.domain.ConflictException;
import org.dropcart.platform.domain.ForbiddenException;
import org.dropcart.platform.domain.InvalidInputException;
import org.dropcart.platform.domain.NotFoundException;

/**
 * Runtimes, functions and calls as their users see them (register, invoke, look), and the short
 * transactional steps a worker records a call's run with; the process itself runs between them,
 * outside any transaction.
 */
@Stateless
public class FunctionCatalog {
  private static final int MAX_PARAMS = 65536;
  private static final int MAX_LISTED_CALLS = 10_000;

  @Inject private FunctionRepository functions;
  @Inject private InvokeQueue queue;
  @Inject private Clock clock;

  /** Registers a runtime, or redefines the one of that name (admins only); true when it is new. */
  public boolean registerRuntime(RuntimeView r, Caller caller) {
    caller.requireAdmin("register runtimes");
    FunctionNames.require("name", r.name());
    Optional<FunctionRuntime> known = functions.runtime(r.name());
    if (known.isPresent()) {
      known.get().redefine(r.image(), r.path(), r.dependencies(), r.run(), clock.instant());
      return false;
    }
    functions.store(new FunctionRuntime(r.name(), r.image(), r.path(), r.dependencies(), r.run(),
        caller.username(), clock.instant()));
    return true;
  }

  /** The runtime a function is registered into; 400 {@code unknown-runtime} when there is none. */
  public FunctionRuntime requireRuntime(String name) {
    FunctionNames.require("runtime", name);
    return functions.runtime(name).orElseThrow(() -> new FunctionRefused("unknown-runtime",
        "No runtime " + name + " (GET /api/faas/runtimes lists them; an admin registers one)"));
  }

  /**
   * The version a registration of {@code name} by {@code caller} will make; 403
   * {@code not-function-owner} when the name is another user's function.
   */
  public int nextVersion(String name, Caller caller) {
    Optional<Function> known = functions.function(FunctionNames.require("funcName", name));
    known.ifPresent(f -> requireReplaceable(f, caller));
    return known.map(Function::nextVersion).orElse(1);
  }

  private static void requireReplaceable(Function f, Caller caller) {
    if (!f.replaceableBy(caller.userId(), caller.admin())) {
      throw new ForbiddenException("not-function-owner",
          "Function " + f.name() + " belongs to another user; register yours under another name");
    }
  }

  /**
   * Records the files unpacked as version {@code version} of {@code name} in {@code runtime}; 409
   * when another registration made that version meanwhile.
   */
  public FunctionView registered(String runtime, String name, int version, Function.Archive archive,
      Caller caller) {
    requireRuntime(runtime);
    Optional<Function> known = functions.function(name);
    Function f;
    if (known.isPresent()) {
      f = known.get();
      requireReplaceable(f, caller);
      if (f.nextVersion() != version) {
        throw new ConflictException("concurrent-registration",
            "Function " + name + " was registered again meanwhile; retry");
      }
      f.newVersion(runtime, archive, caller.username(), clock.instant());
    } else {
      if (version != 1) {
        throw new ConflictException("concurrent-registration",
            "Function " + name + " was removed meanwhile; retry");
      }
      f = new Function(name, runtime, archive, caller.userId(), caller.username(), clock.instant());
      functions.store(f);
    }
    return FunctionView.of(f);
  }

  public List<String> runtimeNames() {
    return functions.runtimeNames();
  }

  public List<String> functionNames() {
    return functions.functionNames();
  }

  public RuntimeView runtime(String name) {
    return functions.runtime(name).map(RuntimeView::of)
        .orElseThrow(() -> new NotFoundException("unknown-runtime", "No runtime " + name));
  }

  public FunctionView function(String name) {
    return functions.function(name).map(FunctionView::of)
        .orElseThrow(() -> new NotFoundException("unknown-function", "No function " + name));
  }

  /** Queues a call of the current version of {@code funcName}; it runs once this transaction commits. */
  public CallView invoke(String funcName, JsonValue params, Caller caller) {
    if (funcName == null || funcName.isBlank()) {
      throw new InvalidInputException("funcName", "is required: the name of a registered function");
    }
    Function f = functions.function(funcName).orElseThrow(() -> new NotFoundException("unknown-function",
        "No function " + funcName + " (GET /api/faas/functions lists them)"));
    if (functions.runtime(f.runtimeName()).isEmpty()) {
      throw new FunctionRefused("unknown-runtime", "Function " + funcName + " names runtime " + f.runtimeName()
          + ", which is not registered");
    }
    String p = (params == null ? JsonValue.EMPTY_JSON_OBJECT : params).toString();
    if (p.length() > MAX_PARAMS) {
      throw new InvalidInputException("params", "holds at most " + MAX_PARAMS + " characters of JSON");
    }
    Call c = new Call(f.name(), f.version(), p, caller.userId(), clock.instant());
    functions.store(c);
    queue.enqueue(c.callNum());
    return CallView.of(c);
  }

  /** A call: its owner's or, for admins, anyone's; 404 {@code unknown-call} otherwise. */
  public CallView call(long callNum, Caller caller) {
    return functions.call(callNum).filter(c -> caller.admin() || c.ownerId().equals(caller.userId()))
        .map(CallView::of).orElseThrow(() -> new NotFoundException("unknown-call", "No call " + callNum + " of yours"));
  }

  /** The call store as seed 002 shows it ({@code {"c1": {...}}}): the caller's calls, every call for admins. */
  public Map<String, CallView> calls(Caller caller) {
    Map<String, CallView> all = new LinkedHashMap<>();
    for (Call c : functions.calls(0, MAX_LISTED_CALLS)) {
      if (caller.admin() || c.ownerId().equals(caller.userId())) {
        all.put("c" + c.callNum(), CallView.of(c));
      }
    }
    return all;
  }

  // ---- the worker's steps ----------------------------------------------------------------------

  /** Takes a PENDING call for {@code worker}; empty when it is not pending (duplicate message). */
  public Optional<CallRun> start(long callNum, String worker) {
    Optional<Call> found = functions.call(callNum);
    if (found.isEmpty() || !found.get().start(worker, clock.instant())) {
      return Optional.empty();
    }
    Call c = found.get();
    Optional<FunctionRuntime> runtime = functions.function(c.funcName()).flatMap(f -> functions.runtime(f.runtimeName()));
    if (runtime.isEmpty()) {
      c.fail("the function or its runtime is no longer registered", clock.instant());
      return Optional.empty();
    }
    FunctionRuntime r = runtime.get();
    return Optional.of(new CallRun(callNum, c.funcName(), c.version(), c.params(), r.name(),
        r.updatedAt().toEpochMilli(), r.dependencies(), r.run(), c.attempts()));
  }

  public void finished(long callNum, Call.Outcome outcome) {
    functions.call(callNum).ifPresent(c -> c.finish(outcome, clock.instant()));
  }

  public void failed(long callNum, String why) {
    functions.call(callNum).ifPresent(c -> c.fail(why, clock.instant()));
  }

  /**
   * Calls a stopped node left RUNNING (started before {@code before}, by a worker of {@code node}):
   * each is queued again if it has an attempt left, or fails; returns how many were queued again.
   */
  public int recover(Instant before, String node) {
    int requeued = 0;
    for (Call c : functions.runningSince(before)) {
      if (c.worker() != null && !c.worker().startsWith(node + "#")) {
        continue;
      }
      if (c.requeue(clock.instant())) {
        queue.enqueue(c.callNum());
        requeued++;
      }
    }
    return requeued;
  }

  /** How many calls are in each status (the console dashboard). */
  public java.util.Map<String, Long> countCallsByStatus() {
    return functions.countByStatus();
  }

  /** Every call (admins); see {@link FunctionRepository#listedCalls} for sort and filters. */
  public org.dropcart.platform.domain.Page<CallView> callList(org.dropcart.platform.domain.Listing listing,
      Caller caller) {
    caller.requireAdmin("list every call");
    return functions.listedCalls(listing).map(CallView::of);
  }

  private static final java.util.Set<String> FUNCTION_SORTS = java.util.Set.of("functionName", "runtimeName");

  /**
   * The registered functions at their current version (a handful: read whole, paged in memory);
   * filters {@code functionName} and {@code runtimeName} (contained), sort by either (name first).
   */
  public org.dropcart.platform.domain.Page<FunctionView> functionList(org.dropcart.platform.domain.Listing listing) {
    String name = listing.filter("functionName").orElse("");
    String runtime = listing.filter("runtimeName").orElse("");
    java.util.Comparator<FunctionView> order = "runtimeName".equals(listing.sortOr(FUNCTION_SORTS, "functionName"))
        ? java.util.Comparator.comparing(FunctionView::runtimeName).thenComparing(FunctionView::functionName)
        : java.util.Comparator.comparing(FunctionView::functionName);
    List<FunctionView> all = functions.functionNames().stream()
        .filter(n -> n.contains(name))
        .map(n -> functions.function(n).map(FunctionView::of))
        .flatMap(Optional::stream)
        .filter(f -> f.runtimeName().contains(runtime))
        .sorted(listing.descending() ? order.reversed() : order)
        .toList();
    return org.dropcart.platform.domain.Page.slice(all, listing.page());
  }

  /** The registered runtimes in name order (a handful). */
  public List<RuntimeView> runtimes() {
    return functions.runtimeNames().stream().map(this::runtime).toList();
  }
}
