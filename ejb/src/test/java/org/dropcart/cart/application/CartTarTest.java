package org.dropcart.cart.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two ways of writing a cart's tar (streamed at download, into a file for a pre-bundled cart)
 * give the same bytes, which Commons Compress and GNU tar read back: names past 100 bytes and
 * non-ASCII ones (PAX headers), empty files, sizes off the 512-byte records, and mtimes.
 */
class CartTarTest {
  @TempDir Path dir;

  @Test
  void intoAFileAndIntoAStreamTheTarIsTheSameAndReadsBack() throws Exception {
    List<CartTar.Member> members = members();
    ByteArrayOutputStream streamed = new ByteArrayOutputStream();
    CartTar.write(members, streamed);
    Path file = dir.resolve("bundle.tar");
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      assertThat(CartTar.write(members, channel, () -> true)).isTrue();
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(streamed.toByteArray());
    assertThat(Files.size(file) % 10240).isZero();

    List<String> names = new ArrayList<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(file))) {
      int i = 0;
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry(), i++) {
        CartTar.Member m = members.get(i);
        names.add(e.getName());
        assertThat(e.getName()).isEqualTo(m.name());
        assertThat(tar.readAllBytes()).isEqualTo(Files.readAllBytes(m.file()));
        assertThat(e.getModTime().toInstant()).isEqualTo(Files.getLastModifiedTime(m.file()).toInstant());
      }
    }
    assertThat(names).hasSize(members.size());

    Process gnu = new ProcessBuilder("tar", "-tf", file.toString()).redirectErrorStream(true).start();
    String listed;
    try (InputStream out = gnu.getInputStream()) {
      listed = new String(out.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(gnu.waitFor()).as(listed).isZero();
    assertThat(listed.lines().toList()).containsExactlyElementsOf(names);
  }

  @Test
  void aCartNoLongerWantedStopsAtTheNextLookNotAtTheEnd() throws Exception {
    byte[] chunk = new byte[(int) (CartTar.ASK_EVERY / 2)];
    List<CartTar.Member> members = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      members.add(new CartTar.Member("u/part-" + i, Files.write(dir.resolve("part-" + i), chunk)));
    }
    AtomicInteger looks = new AtomicInteger();
    Path file = dir.resolve("stopped.tar");
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      assertThat(CartTar.write(members, channel, () -> looks.incrementAndGet() < 2)).isFalse();
    }
    // Asked after the second and the fourth member (64 MiB each time); the second answer stopped it.
    assertThat(looks.get()).isEqualTo(2);
    // Four members: their bytes and their header records (PAX ones too: the mtime has a fraction).
    assertThat(Files.size(file)).isBetween(4 * (long) chunk.length, 4 * (long) chunk.length + 16 * 1024);
  }

  private List<CartTar.Member> members() throws IOException {
    Random random = new Random(7);
    List<CartTar.Member> members = new ArrayList<>();
    int[] sizes = {0, 1, 511, 512, 513, 10240, 70_001, 1_048_577};
    String[] names = {"empty.csv", "one.bin", "a/511.bin", "a/b/512.bin", "données/513.bin", "block.bin",
        "deep/" + "x".repeat(120) + "/long-name.bin", "big.bin"};
    for (int i = 0; i < sizes.length; i++) {
      byte[] bytes = new byte[sizes[i]];
      random.nextBytes(bytes);
      Path f = Files.write(dir.resolve("staged-" + i), bytes);
      Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2026-10-0" + (1 + i % 9) + "T08:00:00Z")));
      members.add(new CartTar.Member("cart-uid/" + names[i], f));
    }
    return members;
  }
}
