package org.dropcart.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dropcart.support.Tus.awaitSettled;
import static org.dropcart.support.Tus.idOf;
import static org.dropcart.support.Tus.metadata;
import static org.dropcart.support.Tus.upload;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.dropcart.support.Api.Reply;

/** Pools with grouping settings, timestamped uploads, and runs of the timestamp-grouping job. */
public final class Groups {
  public static final String JOB = "timestamp-grouping";

  private Groups() {}

  /** A new pool with this window and late policy, and these users admitted; returns its id. */
  public static String pool(Api api, String admin, String window, String policy, String... members) {
    return poolWithLateness(api, admin, window, "PT1M", policy, members);
  }

  /** As {@link #pool(Api, String, String, String, String...)}, with this lateness. */
  public static String poolWithLateness(
      Api api, String admin, String window, String lateness, String policy, String... members) {
    Reply created = api.post("api/pools", "{\"name\":\"" + Api.uniqueName("grp") + "\",\"groupingWindow\":\""
        + window + "\",\"lateness\":\"" + lateness + "\",\"latePolicy\":\"" + policy + "\"}", admin);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String pool = created.json().getString("id");
    for (String m : members) {
      assertThat(api.post("api/pools/" + pool + "/members", "{\"username\":\"" + m + "\"}", admin).status())
          .isEqualTo(201);
    }
    return pool;
  }

  /** The start of a PT2S window that has not begun yet, so files for it are on time. */
  public static Instant nextWindow() {
    long s = Instant.now().getEpochSecond() + 4;
    return Instant.ofEpochSecond(s - Math.floorMod(s, 2));
  }

  /** The bytes of the small CSV {@link #send} uploads (and {@link #tar} puts in each entry, with one line). */
  public static byte[] csv(String filename, int lines) {
    return ("t,v\n" + (filename + ",1\n").repeat(lines)).getBytes(StandardCharsets.UTF_8);
  }

  /** Uploads a small CSV with this timestamp; returns its file name. */
  public static String send(Api api, String token, String pool, String filename, Instant timestamp, int lines) {
    byte[] bytes = csv(filename, lines);
    return idOf(upload(api, token, bytes, metadata("pool", pool, "filename", filename,
        "timestamp", timestamp.truncatedTo(ChronoUnit.MILLIS).toString())));
  }

  /** A file's listing entry once it is stored and its place in grouping is {@code grouping}. */
  public static JsonObject awaitPlace(Api api, String token, String pool, String fileName, String grouping) {
    awaitSettled(api, token, pool, fileName);
    return Eventually.await(fileName + " " + grouping, Duration.ofSeconds(30),
        () -> awaitSettled(api, token, pool, fileName), f -> grouping.equals(f.getString("grouping", null)));
  }

  /** A tar whose entries carry these mtimes. */
  public static byte[] tar(Map<String, Instant> entries) throws Exception {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
      for (String name : entries.keySet().stream().sorted().toList()) {
        byte[] body = csv(name, 1);
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(body.length);
        e.setModTime(java.util.Date.from(entries.get(name)));
        out.putArchiveEntry(e);
        out.write(body);
        out.closeArchiveEntry();
      }
    }
    return tar.toByteArray();
  }

  /** Starts the job (retrying while a scheduled run is going) and waits for it to complete. */
  public static JsonObject runJob(Api api, String admin) {
    return runJob(api, admin, "");
  }

  /** As {@link #runJob(Api, String)}, with job parameters as a query ({@code ?chunk=1}). */
  public static JsonObject runJob(Api api, String admin, String query) {
    return runJob(api, admin, JOB, query);
  }

  /** Starts any batch job through the jobs API (retrying while a scheduled run is going) and waits for it. */
  public static JsonObject runJob(Api api, String admin, String job, String query) {
    Reply started = Eventually.await("the job started", Duration.ofSeconds(60),
        () -> api.post("api/admin/jobs/" + job + query, null, admin), r -> r.status() != 409);
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    long id = started.json().getJsonNumber("executionId").longValue();
    JsonObject found = Eventually.await(job + " execution " + id, Duration.ofSeconds(60),
        () -> api.get("api/admin/jobs/" + job + "?executions=5", admin).json(),
        j -> j.getJsonArray("executions").stream().map(v -> v.asJsonObject())
            .anyMatch(e -> e.getJsonNumber("executionId").longValue() == id
                && List.of("COMPLETED", "FAILED").contains(e.getString("batchStatus"))));
    JsonObject execution = found.getJsonArray("executions").stream().map(v -> v.asJsonObject())
        .filter(e -> e.getJsonNumber("executionId").longValue() == id).findFirst().orElseThrow();
    assertThat(execution.getString("batchStatus")).as(execution.toString()).isEqualTo("COMPLETED");
    return execution;
  }

  /** The exit status of one step of an execution. */
  public static String stepExit(JsonObject execution, String step) {
    return execution.getJsonArray("steps").stream().map(v -> v.asJsonObject())
        .filter(s -> s.getString("name").equals(step)).findFirst().orElseThrow().getString("exitStatus");
  }
}
