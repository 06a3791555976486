package org.dropcart.upload.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IngestActivityTest {
  private final IngestActivity activity = new IngestActivity();
  private final ExecutorService appender = Executors.newSingleThreadExecutor();
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    appender.shutdownNow();
  }

  private Future<String> appendUntilReleased() throws InterruptedException {
    Future<String> append = appender.submit(() -> activity.receiving(() -> {
      started.countDown();
      release.await();
      return "appended";
    }));
    assertTrue(started.await(5, TimeUnit.SECONDS));
    return append;
  }

  @Test
  void anIdleNodeIsNotBusyAndNobodyWaits() {
    assertFalse(activity.busy());
    assertTrue(activity.stepAside(Instant.now().plusSeconds(30)).toMillis() < 100);
  }

  @Test
  void waitsWhileBytesArriveButNotPastItsDeadline() throws Exception {
    appendUntilReleased();
    assertTrue(activity.busy());
    Duration waited = activity.stepAside(Instant.now().plusMillis(300));
    assertTrue(waited.toMillis() >= 250 && waited.toMillis() < 2000, "waited " + waited);
  }

  @Test
  void stopsWaitingShortlyAfterTheLastAppendEnds() throws Exception {
    Future<String> append = appendUntilReleased();
    new Thread(() -> {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      }
      release.countDown();
    }).start();
    Duration waited = activity.stepAside(Instant.now().plusSeconds(30));
    assertEquals("appended", append.get(1, TimeUnit.SECONDS));
    // 200 ms of appending, then the quiet gap; far less than the 30 s deadline.
    assertTrue(waited.compareTo(Duration.ofMillis(200).plus(IngestActivity.QUIET)) >= 0, "waited " + waited);
    assertTrue(waited.toMillis() < 5000, "waited " + waited);
    assertFalse(activity.busy());
  }

  @Test
  void aFailedAppendStillEnds() {
    org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
        () -> activity.receiving(() -> {
          throw new IOException("disk gone");
        }));
    assertTrue(activity.stepAside(Instant.now().plusSeconds(30)).compareTo(Duration.ofSeconds(5)) < 0);
  }

  @Test
  void aPastDeadlineNeverWaits() throws Exception {
    appendUntilReleased();
    assertTrue(activity.stepAside(Instant.now().minusSeconds(1)).toMillis() < 50);
  }
}
