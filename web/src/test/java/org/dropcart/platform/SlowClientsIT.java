package org.dropcart.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.dropcart.support.Api;
import org.dropcart.support.DropcartDeployment;
import org.dropcart.support.SocketClient;
import org.dropcart.support.Tus;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Clients that hold connections without finishing anything: 300 slow-loris connections that send a
 * request's headers a few bytes at a time and never end them, and 300 signed-in sockets that say
 * nothing. Meanwhile ordinary clients sign in, read and upload: every one of their requests must
 * succeed, and their slowest answer must stay under 2 s.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SlowClientsIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return DropcartDeployment.war();
  }

  private static final int LORIS = 300;
  private static final int IDLE_SOCKETS = 300;

  @ArquillianResource private URL base;

  @Test
  void slowLorisAndIdleSocketsDoNotStopTheServerServingOthers() throws Exception {
    Api api = new Api(base);
    String admin = api.adminToken();
    String name = Api.uniqueName("patient");
    String token = api.signUp(name, "patient-password-1");
    String pool = api.poolWith(admin, name);
    URI uri = URI.create(base.toString());

    List<Socket> loris = new ArrayList<>();
    List<SocketClient> idle = new ArrayList<>();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    try {
      for (int i = 0; i < LORIS; i++) {
        Socket s = new Socket(uri.getHost(), uri.getPort());
        s.getOutputStream().write(("POST /api/upload/ HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nX-Slow-" + i + ": ")
            .getBytes(StandardCharsets.US_ASCII));
        loris.add(s);
      }
      for (int i = 0; i < IDLE_SOCKETS; i++) {
        SocketClient ws = SocketClient.connect(api.base(), token);
        idle.add(ws);
      }
      idle.get(IDLE_SOCKETS - 1).awaitType("connected");

      // Ten rounds, a second apart: the slow ones trickle a byte, the others work normally.
      for (int round = 0; round < 10; round++) {
        int open = 0;
        for (Socket s : loris) {
          if (trickle(s)) {
            open++;
          }
        }
        long started = System.nanoTime();
        String other = Api.uniqueName("busy");
        String otherToken = api.signUp(other, "busy-password-1");
        latencies.add(System.nanoTime() - started);
        started = System.nanoTime();
        assertThat(api.get("api/auth/validate", otherToken).status()).isEqualTo(200);
        latencies.add(System.nanoTime() - started);
        started = System.nanoTime();
        assertThat(api.get("api/pools/" + pool + "/files", token).status()).isEqualTo(200);
        latencies.add(System.nanoTime() - started);
        started = System.nanoTime();
        Tus.upload(api, token, ("round " + round).getBytes(StandardCharsets.UTF_8),
            Tus.metadata("pool", pool, "filename", "round-" + round + ".txt"));
        latencies.add(System.nanoTime() - started);
        if (round == 9) {
          System.out.printf("Slow clients: %d slow-loris connections still open of %d, %d idle sockets%n", open, LORIS,
              IDLE_SOCKETS);
        }
        Thread.sleep(1000);
      }
      long slowest = Collections.max(latencies) / 1_000_000;
      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      System.out.printf("Slow clients: %d requests served meanwhile, p50 %d ms, slowest %d ms%n", sorted.size(),
          sorted.get(sorted.size() / 2) / 1_000_000, slowest);
      assertThat(slowest).as("the slowest ordinary request, in ms").isLessThan(2000);
      idle.get(0).send(jakarta.json.Json.createObjectBuilder().add("type", "alive").add("ref", 7).build());
      assertThat(idle.get(0).awaitType("alive-ack").getInt("ref")).isEqualTo(7);
    } finally {
      for (Socket s : loris) {
        s.close();
      }
      for (SocketClient ws : idle) {
        ws.close();
      }
    }
    assertThat(api.get("health/ready", null).status()).isEqualTo(200);
  }

  /** One more byte of an unfinished header; false once the server has closed the connection. */
  private static boolean trickle(Socket s) {
    try {
      OutputStream out = s.getOutputStream();
      out.write('x');
      out.flush();
      return true;
    } catch (IOException closed) {
      return false;
    }
  }
}
