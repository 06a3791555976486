package org.dropcart.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dropcart.support.ProblemAssert.assertProblem;
import static org.dropcart.support.Tus.awaitSettled;
import static org.dropcart.support.Tus.create;
import static org.dropcart.support.Tus.headOffset;
import static org.dropcart.support.Tus.idOf;
import static org.dropcart.support.Tus.metadata;
import static org.dropcart.support.Tus.patch;
import static org.dropcart.support.Tus.sha256;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.dropcart.support.Api;
import org.dropcart.support.Api.Reply;
import org.dropcart.support.DropcartDeployment;
import org.dropcart.support.Eventually;
import org.dropcart.support.Launcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A full disk. The staging volume ({@code dropcart.volume.path}) is a 48 MiB tmpfs and Dropcart
 * keeps 8 MiB of it free. A file stored before is the data that must not be damaged. Then another
 * process fills the volume: a chunk that no longer fits stops at ENOSPC with 507, keeping the bytes
 * that were written (the offset says how many, the file holds exactly those); a chunk sent while
 * less than 8 MiB is free is refused with 507 before anything is written; readiness is DOWN. Once
 * the filler is gone, readiness comes back UP by itself and both uploads resume and complete to
 * files identical to their sources, and the earlier file is still whole.
 *
 * <p>Mounting a tmpfs needs root (CI runs as root); elsewhere the test is skipped.
 */
class DiskFullIT {
  private static final Launcher SERVER = new Launcher("disk-full", "disk-full-admin-password");
  private static final Path VOLUME = DropcartDeployment.work().resolve("disk-full-volume");
  private static final int MiB = 1024 * 1024;

  @Test
  void aFullVolumeAnswers507KeepsWhatWasAcceptedAndRecoversOnItsOwn() throws Exception {
    SERVER.wipe();
    mountSmallVolume();
    Api api = SERVER.start(Launcher.freePort(), Launcher.freePort(), Map.of(
        "DROPCART_VOLUME_PATH", VOLUME.toString(), "DROPCART_HEALTH_MIN_FREE_SPACE", "8MiB"), true);
    String admin = api.logIn("admin", "disk-full-admin-password");
    String user = Api.uniqueName("filler");
    String token = api.signUp(user, "disk-full-password");
    String pool = api.poolWith(admin, user);

    byte[] before = bytes(1, 6 * MiB);
    String beforeLocation = create(api, token, before.length, metadata("pool", pool, "filename", "before.bin"));
    assertThat(patch(api, beforeLocation, token, 0, before, null).status()).isEqualTo(204);
    awaitSettled(api, token, pool, idOf(beforeLocation));
    // The store pipeline frees the partial file once the stored copy is durable, a moment after
    // the index says STORED: wait for it, or the filler's arithmetic is 6 MiB off.
    Path beforePartial = VOLUME.resolve("uploads/" + idOf(beforeLocation) + ".part");
    Eventually.await("the partial of before.bin freed", Duration.ofSeconds(30), () -> Files.exists(beforePartial),
        exists -> !exists);

    // Another process takes the volume until 14 MiB are left.
    Path filler = VOLUME.resolve("filler.bin");
    fill(filler, Files.getFileStore(VOLUME).getUsableSpace() - 14L * MiB);
    assertThat(Files.getFileStore(VOLUME).getUsableSpace()).isBetween(13L * MiB, 15L * MiB);

    // 20 MiB in one chunk: it starts (14 MiB free is above the 8 kept) and hits ENOSPC.
    byte[] big = bytes(2, 20 * MiB);
    String bigLocation = create(api, token, big.length, metadata("pool", pool, "filename", "big.bin"));
    Reply cut = patch(api, bigLocation, token, 0, big, null);
    assertProblem(cut, 507, "volume-full");
    long kept = headOffset(api, bigLocation, token);
    assertThat(kept).as("bytes written before the volume filled").isGreaterThan(4L * MiB).isLessThan(20L * MiB);
    Path partial = VOLUME.resolve("uploads/" + idOf(bigLocation) + ".part");
    assertThat(Files.size(partial)).as("the partial file holds exactly the acknowledged bytes").isEqualTo(kept);
    System.out.println("Disk full: a 20 MiB chunk into 14 MiB free kept " + kept + " bytes and answered 507");

    // Now under the 8 MiB kept free: refused before a byte is written.
    byte[] small = bytes(3, 2 * MiB);
    String smallLocation = create(api, token, small.length, metadata("pool", pool, "filename", "small.bin"));
    assertProblem(patch(api, smallLocation, token, 0, small, null), 507, "volume-full");
    assertThat(headOffset(api, smallLocation, token)).isZero();
    Reply ready = api.get("health/ready", null);
    assertThat(ready.status()).isEqualTo(503);
    assertThat(ready.body()).contains("\"name\":\"volume\",\"status\":\"DOWN\"");
    assertThat(api.get("health/live", null).status()).isEqualTo(200);

    // Space returns: readiness recovers without a restart, and both uploads complete.
    Files.delete(filler);
    Eventually.await("readiness UP again", Duration.ofSeconds(30), () -> api.get("health/ready", null),
        r -> r.status() == 200);
    assertThat(patch(api, bigLocation, token, kept, Arrays.copyOfRange(big, (int) kept, big.length), null).status())
        .isEqualTo(204);
    assertThat(patch(api, smallLocation, token, 0, small, null).status()).isEqualTo(204);
    for (Object[] upload : new Object[][] {{bigLocation, big}, {smallLocation, small}, {beforeLocation, before}}) {
      String name = idOf((String) upload[0]);
      awaitSettled(api, token, pool, name);
      assertThat(sha256(api.getBytes("api/file/" + name, token).body())).as(name).isEqualTo(sha256((byte[]) upload[1]));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    SERVER.stop();
    run("umount", "-l", VOLUME.toString());
  }

  private static void mountSmallVolume() throws Exception {
    Files.createDirectories(VOLUME);
    run("umount", "-l", VOLUME.toString());
    int mounted = run("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", VOLUME.toString());
    Assumptions.assumeTrue(mounted == 0, "mounting a tmpfs needs root");
  }

  private static int run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  private static void fill(Path file, long size) throws IOException {
    byte[] block = new byte[MiB];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long left = size; left > 0; left -= block.length) {
        out.write(block, 0, (int) Math.min(block.length, left));
      }
    }
  }

  private static byte[] bytes(int seed, int size) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }
}
