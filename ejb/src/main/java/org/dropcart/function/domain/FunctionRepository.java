package org.dropcart.function.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface FunctionRepository {
  Optional<FunctionRuntime> runtime(String name);

  void store(FunctionRuntime runtime);

  List<String> runtimeNames();

  Optional<Function> function(String name);

  void store(Function function);

  List<String> functionNames();

  Optional<Call> call(long callNum);

  /** Stores a new call and gives it its number. */
  void store(Call call);

  /** Every call, by number. */
  List<Call> calls(int offset, int limit);

  /** Calls left RUNNING by a worker that started them before {@code before}. */
  List<Call> runningSince(Instant before);

  /** How many calls in each status (every status present), by status name, for the console dashboard. */
  java.util.Map<String, Long> countByStatus();

  /**
   * Every call, filtered and ordered as asked: filters {@code status} (exact), {@code funcName} and
   * {@code worker} (contained); sort {@code callNum} (default, newest first), {@code funcName},
   * {@code status}, {@code durationMs}.
   */
  org.dropcart.platform.domain.Page<Call> listedCalls(org.dropcart.platform.domain.Listing listing);
}
