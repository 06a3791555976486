package org.dropcart.function.application;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import org.dropcart.function.domain.Call;

/**
 * A call as the API shows it: seed 002's {@code callNum, funcName, params, status, result} (result
 * {@code ""} until there is one, as the seed shows), and what ran: the function version, exit code,
 * capped stderr, start, duration, worker, attempts and the reason of a failure.
 */
public record CallView(long callNum, String funcName, JsonValue params, String status, String result,
    boolean resultTruncated, int version, Integer exitCode, String stderr, Instant createdAt, Instant startedAt,
    Long durationMs, String worker, int attempts, String reason) {
  public static CallView of(Call c) {
    return new CallView(c.callNum(), c.funcName(), Json.createReader(new StringReader(c.params())).readValue(),
        c.status().name(), c.result() == null ? "" : c.result(), c.truncated(), c.version(), c.exitCode(),
        c.stderr(), c.createdAt(), c.startedAt(), c.durationMs(), c.worker(), c.attempts(), c.reason());
  }

  public boolean finished() {
    return status.equals("DONE") || status.equals("FAILED") || status.equals("TIMEOUT");
  }
}
