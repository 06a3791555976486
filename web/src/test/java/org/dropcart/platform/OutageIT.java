package org.dropcart.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.dropcart.support.Api;
import org.dropcart.support.Api.Reply;
import org.dropcart.support.DropcartDeployment;
import org.dropcart.support.Eventually;
import org.dropcart.support.ProdProfile;
import org.dropcart.support.Tus;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A service Dropcart depends on goes away under a steady upload load and comes back, with no
 * restart of Dropcart: the external broker (stopped for 20 s, then started again on its journal)
 * and PostgreSQL (every connection reset and new ones refused for 20 s). Four clients keep creating
 * uploads and finishing them throughout. While the service is gone a request that needs it is
 * refused with 503 and Retry-After (never a 500), a request that starts during the outage is refused
 * within seconds, readiness is DOWN, and nothing acknowledged is lost: every upload finished with
 * 204 becomes a stored file, and every upload refused is finished by its client once the service
 * is back: resumed from the offset HEAD reports, or sent again if it expired meanwhile.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OutageIT {
  private static final int CLIENTS = 4;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return DropcartDeployment.war();
  }

  @ArquillianResource private URL base;

  /** What goes away, for how long, and how Dropcart is expected to say so. */
  record Outage(String service, Duration length, ThrowingRunnable stop, ThrowingRunnable start,
      Set<String> problemKinds) {}

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  /** One request of a client: when it started (ms since the load began), its status and duration. */
  record Outcome(String step, String file, String location, byte[] bytes, long startedAt, int status, long millis,
      String problemType, String retryAfter) {
    @Override
    public String toString() {
      return step + " " + file + " started at " + startedAt + " ms: " + status + " "
          + (problemType == null ? "" : problemType) + " after " + millis + " ms";
    }
  }

  @Test
  @org.junit.jupiter.api.Disabled("Open defect (RELIABILITY.md, issue 11): on CI a request caught mid-transaction when"
      + " the broker goes outlived the client's 60 s timeout. Passes on an idle machine; run it with"
      + " -Dit.test=OutageIT#brokerStoppedUnderLoadAndBack in the prod-profile execution.")
  void brokerStoppedUnderLoadAndBack() throws Exception {
    // A request caught mid-transaction when the broker goes waits in its blocking XA calls, at worst
    // until the broker is back (measured: up to 51 s in a 40 s outage), then ends 204 or 503. A
    // 20 s outage keeps those inside the test client's 60 s request timeout.
    underLoad(new Outage("broker", Duration.ofSeconds(20), ProdProfile::stopBroker, ProdProfile::startBroker,
        Set.of("broker-unavailable", "transaction-failed")));
  }

  @Test
  void databaseCutUnderLoadAndBack() throws Exception {
    underLoad(new Outage("database", Duration.ofSeconds(20), ProdProfile::cutDatabase, ProdProfile::restoreDatabase,
        Set.of("database-unavailable", "transaction-failed")));
  }

  private void underLoad(Outage outage) throws Exception {
    Api api = new Api(base);
    String admin = api.adminToken();
    String user = Api.uniqueName("outage");
    String token = api.signUp(user, "outage-password-1");
    String pool = api.poolWith(admin, user);
    long t0 = System.nanoTime();
    ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> transportFailures = new ConcurrentLinkedQueue<>();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      clients.submit(() -> {
        for (int n = 0; !stop.get(); n++) {
          String name = outage.service() + "-c" + client + "-" + n + ".txt";
          long began = System.nanoTime();
          try {
            upload(api, token, pool, name, client, n, t0, outcomes);
          } catch (RuntimeException e) {
            transportFailures.add(name + " after " + (System.nanoTime() - began) / 1_000_000 + " ms: " + e);
          }
          sleep(500);
        }
        return null;
      });
    }

    sleep(5_000);
    outage.stop().run();
    long stoppedAt = (System.nanoTime() - t0) / 1_000_000;
    List<Reply> readyDuring = new ArrayList<>();
    long outageEnd = System.nanoTime() + outage.length().toNanos();
    // The clients may all be caught mid-transaction at the moment the service goes; a probe upload
    // every 2 s shows what a request that starts during the outage gets.
    for (int probe = 0; System.nanoTime() < outageEnd; probe++) {
      sleep(2_000);
      readyDuring.add(api.get("health/ready", null));
      upload(api, token, pool, outage.service() + "-probe-" + probe + ".txt", CLIENTS, probe, t0, outcomes);
    }
    long restartedAt = (System.nanoTime() - t0) / 1_000_000;
    outage.start().run();
    JsonObject readyAfter = Eventually.await("readiness UP after the " + outage.service() + " is back",
        Duration.ofSeconds(60), () -> api.get("health/ready", null), r -> r.status() == 200).json();
    sleep(10_000);
    stop.set(true);
    clients.shutdown();
    assertThat(clients.awaitTermination(90, TimeUnit.SECONDS)).isTrue();

    List<Outcome> all = List.copyOf(outcomes);
    assertThat(transportFailures).as("no request fails in transport").isEmpty();
    Set<String> kinds = outage.problemKinds().stream().map(k -> "urn:dropcart:problem:" + k).collect(Collectors.toSet());
    assertThat(all).as("every request succeeds, or is a 503 " + outage.problemKinds() + " with Retry-After")
        .allSatisfy(o -> {
          if (o.status() >= 300) {
            assertThat(o.status()).as(o.toString()).isEqualTo(503);
            assertThat(o.problemType()).as(o.toString()).isIn(kinds);
            assertThat(o.retryAfter()).as(o.toString()).isNotNull();
          }
        });
    List<Outcome> refused = all.stream().filter(o -> o.status() == 503).toList();
    assertThat(refused).as("the outage was felt").isNotEmpty();
    assertThat(all).as("no request outlives the outage by more than 15 s").allSatisfy(
        o -> assertThat(o.startedAt() + o.millis()).as(o.toString()).isLessThan(restartedAt + 15_000));
    assertThat(all.stream().filter(o -> o.startedAt() > stoppedAt + 3_000 && o.startedAt() < restartedAt - 3_000))
        .as("a request that starts during the outage is refused within seconds, without waiting for"
            + " the service's return (measured 1.0-6.0 s for the broker: connection attempts)")
        .isNotEmpty()
        .allSatisfy(o -> assertThat(o.millis()).as(o.toString()).isLessThan(10_000));
    assertThat(readyDuring).as("readiness DOWN while the " + outage.service() + " is away").anySatisfy(r -> {
      assertThat(r.status()).isEqualTo(503);
      assertThat(r.body()).contains("\"" + outage.service() + "\",\"status\":\"DOWN\"");
    });
    assertThat(readyAfter.getString("status")).isEqualTo("UP");
    assertThat(all.stream().filter(o -> o.startedAt() > restartedAt + 5_000))
        .as("without restarting Dropcart, uploads finish again once the " + outage.service() + " is back")
        .isNotEmpty()
        .allSatisfy(o -> assertThat(o.status()).as(o.toString()).isLessThan(300));

    // The clients whose upload was refused finish it: HEAD says where to resume, and the rest goes
    // in. An upload that expired meanwhile, or was never created, is sent again from the start.
    int resumed = 0;
    Set<String> expected = new java.util.HashSet<>();
    for (Outcome o : all) {
      if (o.step().equals("patch") && o.status() == 204) {
        expected.add(o.file());
      }
    }
    for (Outcome o : refused) {
      Reply head = o.location() == null ? null : Tus.head(api, o.location(), token);
      if (head != null && head.status() == 200) {
        long offset = Long.parseLong(head.header("Upload-Offset").orElseThrow());
        byte[] rest = java.util.Arrays.copyOfRange(o.bytes(), (int) offset, o.bytes().length);
        assertThat(Tus.patch(api, o.location(), token, offset, rest, null).status()).as(o.file()).isEqualTo(204);
        resumed++;
      } else {
        assertThat(head == null ? 404 : head.status()).as(o.file() + " is resumable, expired or never created")
            .isIn(404, 410);
        Tus.upload(api, token, o.bytes(), Tus.metadata("filename", o.file(), "pool", pool));
      }
      expected.add(o.file());
    }
    Set<String> stored = Eventually.await("all " + expected.size() + " uploads stored", Duration.ofSeconds(120),
        () -> api.get("api/pools/" + pool + "/files?size=500", token).json().getJsonArray("items").stream()
            .map(v -> v.asJsonObject().getJsonObject("metaData").getString("filename", ""))
            .collect(Collectors.toSet()),
        names -> names.containsAll(expected));
    assertThat(stored).containsAll(expected);
    System.out.printf("OutageIT %s (%d s): %d requests, %d refused with 503 (slowest %d ms; %d resumed, %d sent again),"
        + " all %d files stored%n", outage.service(), outage.length().toSeconds(), all.size(), refused.size(),
        refused.stream().mapToLong(Outcome::millis).max().orElse(0), resumed, refused.size() - resumed, expected.size());
  }

  /** Creates one upload and sends all its bytes in one PATCH, recording how each request ended. */
  private static void upload(Api api, String token, String pool, String name, int client, int n, long t0,
      ConcurrentLinkedQueue<Outcome> outcomes) {
    byte[] bytes = ("client " + client + " file " + n + " ").repeat(2000).getBytes();
    long s = System.nanoTime();
    Reply created = Tus.createReply(api, token, bytes.length, Tus.metadata("filename", name, "pool", pool));
    outcomes.add(outcome("create", name, null, bytes, s, t0, created));
    if (created.status() != 201) {
      return;
    }
    String location = created.header("Location").orElseThrow();
    s = System.nanoTime();
    Reply patched = Tus.patch(api, location, token, 0, bytes, null);
    outcomes.add(outcome("patch", name, location, bytes, s, t0, patched));
  }

  private static Outcome outcome(String step, String name, String location, byte[] bytes, long start, long t0,
      Reply reply) {
    return new Outcome(step, name, location, bytes, (start - t0) / 1_000_000, reply.status(),
        (System.nanoTime() - start) / 1_000_000, reply.status() < 300 ? null : typeOf(reply),
        reply.header("Retry-After").orElse(null));
  }

  private static String typeOf(Reply reply) {
    try {
      return reply.json().getString("type", null);
    } catch (RuntimeException notJson) {
      return "not a problem body: " + reply.body();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
