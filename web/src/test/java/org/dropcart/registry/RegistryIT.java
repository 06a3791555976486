package org.dropcart.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dropcart.support.ProblemAssert.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.dropcart.support.Api;
import org.dropcart.support.Api.Reply;
import org.dropcart.support.DropcartDeployment;
import org.dropcart.support.Eventually;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The key-value registry through its HTTP API: every operation, compare-and-set under eight
 * concurrent writers, lock exclusivity and expiry, leases on keys, and watchers that get every
 * change in order and resume after a drop.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistryIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return DropcartDeployment.war();
  }

  @ArquillianResource private URL base;

  private static final String PASSWORD = "registry-password-1";

  /** A service account's token (a user an admin made a service). */
  private String serviceToken(Api api, String admin) {
    String name = Api.uniqueName("svc");
    api.signUp(name, PASSWORD);
    Reply changed = api.patch("api/admin/users/" + name, "{\"role\":\"service\"}", admin);
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    return api.logIn(name, PASSWORD);
  }

  private static Reply putValue(Api api, String key, String value, String query, String token) {
    return api.send("PUT", "api/registry/keys/" + key + query, "text/plain",
        HttpRequest.BodyPublishers.ofString(value), token);
  }

  @Test
  void everyOperationWithItsVersionsAndItsRefusals() {
    Api api = new Api(base);
    String admin = api.adminToken();
    String svc = serviceToken(api, admin);
    String user = api.signUp(Api.uniqueName("plain"), PASSWORD);
    String root = "ops-" + Api.uniqueName("t") + "/";

    assertProblem(api.get("api/registry", user), 403, "forbidden");
    assertProblem(api.get("api/registry", null), 401, "unauthenticated");

    Reply created = putValue(api, root + "a", "one", "", svc);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long v1 = created.json().getJsonNumber("version").longValue();
    Reply updated = putValue(api, root + "a", "two", "", admin);
    assertThat(updated.status()).isEqualTo(200);
    long v2 = updated.json().getJsonNumber("version").longValue();
    assertThat(v2).isGreaterThan(v1);
    assertThat(updated.json().getJsonNumber("createRevision").longValue()).isEqualTo(v1);
    JsonObject got = api.get("api/registry/keys/" + root + "a", svc).json();
    assertThat(got.getString("value")).isEqualTo("two");
    assertThat(got.getJsonNumber("version").longValue()).isEqualTo(v2);
    assertThat(api.send(api.request("api/registry/keys/" + root + "a", svc).method("HEAD",
        HttpRequest.BodyPublishers.noBody())).status()).isEqualTo(200);
    assertThat(api.send(api.request("api/registry/keys/" + root + "nope", svc).method("HEAD",
        HttpRequest.BodyPublishers.noBody())).status()).isEqualTo(404);
    assertProblem(api.get("api/registry/keys/" + root + "nope", svc), 404, "unknown-key");

    // AtomicPut and AtomicDelete: the version must match; 0 means "absent".
    assertProblem(putValue(api, root + "a", "three", "?version=0", svc), 409, "version-conflict");
    assertProblem(putValue(api, root + "a", "three", "?version=" + v1, svc), 409, "version-conflict");
    assertThat(putValue(api, root + "b", "new", "?version=0", svc).status()).isEqualTo(201);
    Reply cas = putValue(api, root + "a", "three", "?version=" + v2, svc);
    assertThat(cas.status()).isEqualTo(200);
    long v3 = cas.json().getJsonNumber("version").longValue();
    assertProblem(api.delete("api/registry/keys/" + root + "a?version=" + v2, svc), 409, "version-conflict");
    assertThat(api.delete("api/registry/keys/" + root + "a?version=" + v3, svc).status()).isEqualTo(204);
    assertProblem(api.delete("api/registry/keys/" + root + "a", svc), 404, "unknown-key");

    // List and DeleteTree by prefix; a prefix is literal (no wildcard in '_' or '%').
    for (String k : List.of("x/1", "x/2", "x/3", "y/1", "x_z")) {
      assertThat(putValue(api, root + k, k, "", svc).status()).isEqualTo(201);
    }
    JsonObject listed = api.get("api/registry?prefix=" + root + "x/", svc).json();
    assertThat(listed.getInt("total")).isEqualTo(3);
    assertThat(listed.getJsonArray("items").stream().map(v -> v.asJsonObject().getString("key")).toList())
        .containsExactly(root + "x/1", root + "x/2", root + "x/3");
    assertThat(api.get("api/registry?prefix=" + root + "x&size=2", svc).json().getJsonArray("items")).hasSize(2);
    assertThat(api.get("api/registry?prefix=" + root, svc).json().getInt("total")).isEqualTo(6);
    Reply tree = api.delete("api/registry?prefix=" + root + "x/", svc);
    assertThat(tree.status()).isEqualTo(200);
    assertThat(tree.json().getInt("deleted")).isEqualTo(3);
    assertThat(api.get("api/registry?prefix=" + root, svc).json().getInt("total")).isEqualTo(3);
    assertProblem(api.delete("api/registry", svc), 400, "invalid-input");

    // Bad input.
    // (Paths with // or dot segments are normalised by the HTTP stack; RegistryKeyTest covers them.)
    for (String bad : List.of(root + "sp%20ace", root + "star*", root + "%2E%2E/x", root + "q%22uote")) {
      assertProblem(putValue(api, bad, "v", "", svc), 400, "invalid-input");
    }
    assertProblem(putValue(api, root + "t", "v", "?ttl=soon", svc), 400, "invalid-input");
    assertProblem(putValue(api, root + "t", "v", "?ttl=P400D", svc), 400, "invalid-input");
    assertProblem(putValue(api, root + "t", "v", "?version=x", svc), 400, "invalid-input");
    assertThat(putValue(api, root + "big", "v".repeat(65537), "", svc).status()).isEqualTo(413);
    assertThat(api.get("api/registry/keys/" + root + "big", svc).status()).isEqualTo(404);

    // A lease: the key is gone once its TTL passes.
    assertThat(putValue(api, root + "lease", "here", "?ttl=PT1S", svc).json().getString("expiresAt")).isNotBlank();
    assertThat(api.get("api/registry/keys/" + root + "lease", svc).status()).isEqualTo(200);
    Eventually.await("the leased key gone", Duration.ofSeconds(10),
        () -> api.get("api/registry/keys/" + root + "lease", svc).status(), s -> s == 404);
  }

  @Test
  void compareAndSetUnderEightConcurrentWritersLosesNoUpdate() throws Exception {
    Api api = new Api(base);
    String admin = api.adminToken();
    String svc = serviceToken(api, admin);
    String key = "cas-" + Api.uniqueName("c") + "/counter";
    assertThat(putValue(api, key, "0", "?version=0", svc).status()).isEqualTo(201);
    int writers = 8;
    int each = 20;
    AtomicInteger conflicts = new AtomicInteger();
    Set<Long> versions = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      done.add(pool.submit(() -> {
        for (int i = 0; i < each; ) {
          JsonObject now = api.get("api/registry/keys/" + key, svc).json();
          long n = Long.parseLong(now.getString("value"));
          Reply r = putValue(api, key, Long.toString(n + 1), "?version=" + now.getJsonNumber("version"), svc);
          if (r.status() == 200) {
            assertThat(versions.add(r.json().getJsonNumber("version").longValue())).isTrue();
            i++;
          } else {
            assertThat(r.status()).as(r.toString()).isEqualTo(409);
            conflicts.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(api.get("api/registry/keys/" + key, svc).json().getString("value"))
        .isEqualTo(Integer.toString(writers * each));
    assertThat(versions).hasSize(writers * each);
    System.out.println("registry CAS: " + writers * each + " increments by " + writers + " writers, "
        + conflicts.get() + " conflicts retried");
  }

  @Test
  void aLockHasOneHolderUntilReleasedOrExpired() throws Exception {
    Api api = new Api(base);
    String admin = api.adminToken();
    String first = serviceToken(api, admin);
    String second = serviceToken(api, admin);
    String key = "locks-" + Api.uniqueName("l") + "/leader";

    Reply taken = api.post("api/registry/locks/" + key + "?ttl=PT30S", null, first);
    assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
    String lockId = taken.json().getString("lockId");
    assertProblem(api.post("api/registry/locks/" + key + "?ttl=PT30S", null, second), 423, "lock-held");
    assertThat(api.get("api/registry/locks/" + key, second).json().getString("lockId")).isEqualTo(lockId);
    Instant before = Instant.parse(taken.json().getString("expiresAt"));
    Reply renewed = api.put("api/registry/locks/" + key + "?lockId=" + lockId + "&ttl=PT60S", null, first);
    assertThat(renewed.status()).as(renewed.toString()).isEqualTo(200);
    assertThat(Instant.parse(renewed.json().getString("expiresAt"))).isAfter(before);
    assertProblem(api.delete("api/registry/locks/" + key + "?lockId=not-mine", second), 409, "lock-lost");
    assertProblem(api.delete("api/registry/locks/" + key, second), 400, "invalid-input");
    assertThat(api.delete("api/registry/locks/" + key + "?lockId=" + lockId, first).status()).isEqualTo(204);
    assertProblem(api.get("api/registry/locks/" + key, first), 404, "no-lock");

    // A lease that is not renewed runs out: the lock is free, and its old holder has lost it.
    Reply short_ = api.post("api/registry/locks/" + key + "?ttl=PT1S", null, second);
    assertThat(short_.status()).isEqualTo(201);
    assertProblem(api.post("api/registry/locks/" + key, null, first), 423, "lock-held");
    Thread.sleep(1300);
    assertThat(api.post("api/registry/locks/" + key, null, first).status()).isEqualTo(201);
    assertProblem(api.put("api/registry/locks/" + key + "?lockId=" + short_.json().getString("lockId"), null, second),
        409, "lock-lost");

    // Contenders at once: exactly one wins.
    String contested = key + "-contested";
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> tries = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      tries.add(pool.submit(() -> api.post("api/registry/locks/" + contested, null, first).status()));
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> f : tries) {
      statuses.add(f.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();
    assertThat(statuses).containsOnly(201, 423);
    assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
  }

  @Test
  void aWatcherGetsEveryChangeInOrderAndResumesAfterADrop() throws Exception {
    Api api = new Api(base);
    String admin = api.adminToken();
    String svc = serviceToken(api, admin);
    String root = "watch-" + Api.uniqueName("w") + "/";

    try (Watch tree = Watch.open(api, "api/registry/watch?prefix=" + root, svc, null);
        Watch one = Watch.open(api, "api/registry/watch?key=" + root + "k3", svc, null)) {
      tree.await("ready");
      one.await("ready");
      for (int i = 0; i < 20; i++) {
        assertThat(putValue(api, root + "k" + (i % 5), "v" + i, "", svc).status()).isIn(200, 201);
      }
      assertThat(putValue(api, "elsewhere-" + root + "k0", "x", "", svc).status()).isEqualTo(201);
      assertThat(api.delete("api/registry/keys/" + root + "k3", svc).status()).isEqualTo(204);
      List<Event> seen = new ArrayList<>();
      for (int i = 0; i < 21; i++) {
        seen.add(tree.await("put", "delete"));
      }
      assertThat(seen.stream().limit(20).map(e -> e.data().getString("value")).toList())
          .containsExactlyElementsOf(Stream.iterate(0, i -> i + 1).limit(20).map(i -> "v" + i).toList());
      assertThat(seen.get(20).name()).isEqualTo("delete");
      assertThat(seen.get(20).data().getString("key")).isEqualTo(root + "k3");
      assertThat(seen).allMatch(e -> e.data().getString("key").startsWith(root));
      assertThat(seen.stream().map(Event::id).toList()).isSorted();
      assertThat(seen.stream().map(Event::id).distinct()).hasSize(21);
      List<Event> single = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        single.add(one.await("put", "delete"));
      }
      assertThat(single.stream().map(e -> e.data().getString("value", "-")).toList())
          .containsExactly("v3", "v8", "v13", "v18", "-");
      assertThat(tree.quiet(Duration.ofMillis(800))).isTrue();

      // Dropped: changes made meanwhile come first on resuming from the last event id, then live ones.
      long lastId = seen.get(20).id();
      tree.close();
      for (int i = 0; i < 5; i++) {
        putValue(api, root + "later" + i, "m" + i, "", svc);
      }
      try (Watch resumed = Watch.open(api, "api/registry/watch?prefix=" + root, svc, Long.toString(lastId))) {
        resumed.await("ready");
        putValue(api, root + "live", "after", "", svc);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          values.add(resumed.await("put", "delete").data().getString("value"));
        }
        assertThat(values).containsExactly("m0", "m1", "m2", "m3", "m4", "after");
      }
    }
    assertProblem(api.get("api/registry/watch", svc), 400, "invalid-input");
    assertProblem(api.get("api/registry/watch?key=a&prefix=b", svc), 400, "invalid-input");
  }

  @Test
  void aKeyWhoseLeaseRunsOutIsADeleteForWatchers() throws Exception {
    Api api = new Api(base);
    String admin = api.adminToken();
    String root = "lease-" + Api.uniqueName("e") + "/";
    try (Watch watch = Watch.open(api, "api/registry/watch?prefix=" + root, admin, null)) {
      watch.await("ready");
      putValue(api, root + "worker-1", "{\"capacity\":4}", "?ttl=PT1S", admin);
      assertThat(watch.await("put").data().getString("value")).isEqualTo("{\"capacity\":4}");
      Event gone = watch.await("delete");
      assertThat(gone.data().getString("key")).isEqualTo(root + "worker-1");
    }
  }

  /** One Server-Sent Event. */
  record Event(long id, String name, JsonObject data) {}

  /** A Server-Sent Events client over the JDK's HttpClient, reading lines on its own thread. */
  static final class Watch implements AutoCloseable {
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> putAside = new CopyOnWriteArrayList<>();
    private final Future<?> reader;
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final Stream<String> lines;

    private Watch(HttpResponse<Stream<String>> response) {
      assertThat(response.statusCode()).isEqualTo(200);
      lines = response.body();
      reader = thread.submit(() -> {
        String id = null;
        String name = "message";
        StringBuilder data = new StringBuilder();
        for (var it = response.body().iterator(); it.hasNext(); ) {
          String line = it.next();
          if (line.isEmpty()) {
            if (data.length() > 0) {
              events.add(new Event(id == null ? -1 : Long.parseLong(id), name,
                  Json.createReader(new StringReader(data.toString())).readObject()));
            }
            id = null;
            name = "message";
            data.setLength(0);
          } else if (line.startsWith("id:")) {
            id = line.substring(3).trim();
          } else if (line.startsWith("event:")) {
            name = line.substring(6).trim();
          } else if (line.startsWith("data:")) {
            data.append(line.substring(5).trim());
          }
        }
        return null;
      });
    }

    static Watch open(Api api, String path, String token, String lastEventId) throws Exception {
      HttpRequest.Builder b = api.request(path, token).header("Accept", "text/event-stream")
          .timeout(Duration.ofMinutes(5));
      if (lastEventId != null) {
        b.header("Last-Event-ID", lastEventId);
      }
      HttpResponse<Stream<String>> r = HttpClient.newHttpClient().send(b.GET().build(),
          HttpResponse.BodyHandlers.ofLines());
      return new Watch(r);
    }

    /** The next event with one of these names (others in between are kept for later), within 15 s. */
    Event await(String... names) throws InterruptedException {
      Set<String> wanted = Set.of(names);
      for (Event e : putAside) {
        if (wanted.contains(e.name())) {
          putAside.remove(e);
          return e;
        }
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (System.nanoTime() < deadline) {
        Event e = events.poll(100, TimeUnit.MILLISECONDS);
        if (e == null) {
          continue;
        }
        if (wanted.contains(e.name())) {
          return e;
        }
        putAside.add(e);
      }
      throw new AssertionError("No " + wanted + " event within 15 s; set aside: " + putAside);
    }

    /** Whether no event arrives for {@code d}. */
    boolean quiet(Duration d) throws InterruptedException {
      return putAside.isEmpty() && events.poll(d.toMillis(), TimeUnit.MILLISECONDS) == null;
    }

    @Override
    public void close() {
      lines.close(); // closes the connection: the server sees the watcher go
      reader.cancel(true);
      thread.shutdownNow();
    }
  }
}
