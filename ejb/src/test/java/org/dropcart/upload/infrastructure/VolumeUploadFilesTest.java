package org.dropcart.upload.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dropcart.support.MapConfig;
import org.dropcart.upload.domain.UploadFiles.Written;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeUploadFilesTest {
  private static final String ID = "0123456789abcdef0123456789abcdef";
  @TempDir Path volume;

  private VolumeUploadFiles files() {
    return new VolumeUploadFiles(new MapConfig(Map.of("dropcart.volume.path", volume.toString())));
  }

  private Path part() {
    return volume.resolve("uploads").resolve(ID + ".part");
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  /** A body that hands out at most {@code step} bytes a read, then fails after {@code cutAt} bytes when set. */
  private static InputStream trickle(byte[] bytes, int step, int cutAt) {
    return new InputStream() {
      int pos;

      @Override
      public int read() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (cutAt >= 0 && pos >= cutAt) {
          throw new IOException("connection reset");
        }
        if (pos == bytes.length) {
          return -1;
        }
        int n = Math.min(Math.min(len, step), bytes.length - pos);
        if (cutAt >= 0) {
          n = Math.min(n, cutAt - pos);
        }
        System.arraycopy(bytes, pos, b, off, n);
        pos += n;
        return n;
      }
    };
  }

  @Test
  void aTricklingBodyArrivesWholeAndDigested() throws Exception {
    byte[] bytes = random(700_001);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    Written w = files().append(ID, 0, bytes.length, 0, trickle(bytes, 1_000, -1), List.of(sha));
    assertThat(w.count()).isEqualTo(bytes.length);
    assertThat(w.interrupted()).isFalse();
    assertThat(w.overflowed()).isFalse();
    assertThat(Files.readAllBytes(part())).isEqualTo(bytes);
    assertThat(HexFormat.of().formatHex(sha.digest()))
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
  }

  @Test
  void aBodyCutMidwayKeepsEveryByteThatArrived() throws Exception {
    byte[] bytes = random(600_000);
    Written w = files().append(ID, 0, bytes.length, 0, trickle(bytes, 7_000, 300_123), List.of());
    assertThat(w.interrupted()).isTrue();
    assertThat(w.count()).isEqualTo(300_123);
    assertThat(Files.readAllBytes(part())).isEqualTo(Arrays.copyOf(bytes, 300_123));

    // The client resumes at the offset it is told.
    Written rest = files().append(ID, 300_123, bytes.length - 300_123, 0,
        new ByteArrayInputStream(bytes, 300_123, bytes.length - 300_123), List.of());
    assertThat(rest.count()).isEqualTo(bytes.length - 300_123);
    assertThat(Files.readAllBytes(part())).isEqualTo(bytes);
  }

  @Test
  void bytesPastTheLimitAreRefusedAndOnlyTheLimitIsWritten() throws Exception {
    byte[] bytes = random(300_000);
    Written w = files().append(ID, 0, 262_144, 0, new ByteArrayInputStream(bytes), List.of());
    assertThat(w.overflowed()).isTrue();
    assertThat(w.count()).isEqualTo(262_144);
    assertThat(Files.size(part())).isEqualTo(262_144);
  }

  @Test
  void underTheRoomToKeepFreeNothingIsWrittenAndTheBodyIsReadToItsEnd() throws Exception {
    ByteArrayInputStream body = new ByteArrayInputStream(random(100_000));
    Written w = files().append(ID, 0, 100_000, Long.MAX_VALUE, body, List.of());
    assertThat(w.volumeFull()).isTrue();
    assertThat(w.count()).isZero();
    assertThat(body.available()).as("the client's body was read, so that it hears the answer").isZero();
    assertThat(Files.exists(part()) ? Files.size(part()) : 0).isZero();
  }

  @Test
  void unacknowledgedBytesPastTheOffsetAreDroppedAndAShortFileIsAnError() throws Exception {
    VolumeUploadFiles files = files();
    files.append(ID, 0, 10, 0, new ByteArrayInputStream("0123456789".getBytes()), List.of());
    files.append(ID, 4, 10, 0, new ByteArrayInputStream("abc".getBytes()), List.of());
    assertThat(Files.readString(part())).isEqualTo("0123abc");
    assertThatThrownBy(() -> files.append(ID, 20, 10, 0, new ByteArrayInputStream(new byte[1]), List.of()))
        .isInstanceOf(IOException.class).hasMessageContaining("fewer than its offset");
  }

  /** Holds the claim on an upload's bytes in a process of its own until its stdin closes. */
  public static final class OtherNode {
    public static void main(String[] args) throws Exception {
      VolumeUploadFiles files =
          new VolumeUploadFiles(new MapConfig(Map.of("dropcart.volume.path", args[0])));
      try (org.dropcart.upload.domain.UploadFiles.Claim claim = files.claim(args[1]).orElseThrow()) {
        System.out.println("claimed");
        System.out.flush();
        System.in.read();
      }
    }
  }

  @Test
  void aClaimHeldByAnotherProcessKeepsThisOneOutUntilThatProcessDies() throws Exception {
    VolumeUploadFiles files = files();
    files.create(ID);
    Process other = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), OtherNode.class.getName(), volume.toString(), ID)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      String line = new java.io.BufferedReader(new java.io.InputStreamReader(other.getInputStream())).readLine();
      assertThat(line).isEqualTo("claimed");
      assertThat(files.claim(ID)).isEmpty();
    } finally {
      // kill -9: the operating system drops a dead process's locks.
      other.destroyForcibly().waitFor();
    }
    try (var claim = files.claim(ID).orElseThrow()) {
      assertThat(Files.exists(volume.resolve("uploads").resolve(ID + ".lock"))).isTrue();
    }
  }

  @Test
  void noLockFileOutlivesTheBytesOrIsLeftForAnUnknownUpload() throws Exception {
    VolumeUploadFiles files = files();
    Path lock = volume.resolve("uploads").resolve(ID + ".lock");
    files.claim(ID).orElseThrow().close();
    assertThat(lock).doesNotExist();

    files.create(ID);
    try (var claim = files.claim(ID).orElseThrow()) {
      files.delete(ID);
    }
    assertThat(part()).doesNotExist();
    assertThat(lock).doesNotExist();
    assertThat(files.ids()).isEmpty();
  }
}
