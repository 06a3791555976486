package org.dropcart.imports.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.dropcart.imports.domain.ImportRefused;
import org.dropcart.imports.domain.UnpackLimits;
import org.dropcart.imports.domain.Unpacker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompressUnpackerTest {
  private static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-01T10:07:30Z");
  private static final UnpackLimits LIMITS = new UnpackLimits(100, 50_000_000, 100);

  @TempDir Path dir;
  private final CompressUnpacker unpacker = new CompressUnpacker();

  private static byte[] tar(Map<String, Instant> entries, String linkName, String linkTarget) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (var e : entries.entrySet()) {
        byte[] body = ("content of " + e.getKey()).getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry t = new TarArchiveEntry(e.getKey(), true); // as written, absolute paths included
        t.setSize(body.length);
        t.setModTime(java.util.Date.from(e.getValue()));
        out.putArchiveEntry(t);
        out.write(body);
        out.closeArchiveEntry();
      }
      if (linkName != null) {
        TarArchiveEntry link = new TarArchiveEntry(linkName, TarArchiveEntry.LF_SYMLINK);
        link.setLinkName(linkTarget);
        out.putArchiveEntry(link);
        out.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  private Map<String, String> read(Path file, String name) throws Exception {
    Map<String, String> got = new LinkedHashMap<>();
    Unpacker.Contents checked = unpacker.unpack(file, name, LIMITS, dir, null);
    unpacker.unpack(file, name, LIMITS, dir, e -> got.put(e.path() + "@" + e.modified(),
        new String(e.content().readAllBytes(), StandardCharsets.UTF_8)));
    assertThat(checked.files()).isEqualTo(got.size());
    return got;
  }

  private Path write(String name, byte[] bytes) throws Exception {
    return Files.write(dir.resolve(name), bytes);
  }

  private static byte[] compress(byte[] plain, String kind) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = kind.equals("gz") ? new GzipCompressorOutputStream(bytes) : new BZip2CompressorOutputStream(bytes)) {
      out.write(plain);
    }
    return bytes.toByteArray();
  }

  @Test
  void tarTgzAndTbz2GiveEachFileWithItsMtime() throws Exception {
    byte[] tar = tar(Map.of("data/a.csv", T1, "data/deep/" + "n".repeat(150) + ".csv", T2), null, null);
    for (Path file : new Path[] {write("x.tar", tar), write("x.tgz", compress(tar, "gz")),
        write("x.tar.bz2", compress(tar, "bz2")), write("no-name", compress(tar, "gz"))}) {
      Map<String, String> got = read(file, file.getFileName().toString());
      assertThat(got).containsEntry("data/a.csv@" + T1, "content of data/a.csv")
          .containsEntry("data/deep/" + "n".repeat(150) + ".csv@" + T2, "content of data/deep/" + "n".repeat(150) + ".csv")
          .hasSize(2);
    }
  }

  @Test
  void zipEntriesAndSingleCompressedFilesAndPlainFiles() throws Exception {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(zipped)) {
      for (String name : new String[] {"z/one.txt", "z/two.txt"}) {
        ZipArchiveEntry e = new ZipArchiveEntry(name);
        e.setTime(T1.toEpochMilli());
        zip.putArchiveEntry(e);
        zip.write(("zip " + name).getBytes(StandardCharsets.UTF_8));
        zip.closeArchiveEntry();
      }
      zip.putArchiveEntry(new ZipArchiveEntry("z/empty-dir/"));
      zip.closeArchiveEntry();
    }
    Map<String, String> got = read(write("x.zip", zipped.toByteArray()), "x.zip");
    assertThat(got.keySet()).containsExactly("z/one.txt@" + T1, "z/two.txt@" + T1);
    assertThat(got).containsValue("zip z/two.txt");

    assertThat(read(write("report.csv.gz", compress("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "gz")),
        "report.csv.gz")).containsExactly(Map.entry("report.csv@null", "a,b\n1,2\n"));
    assertThat(read(write("notes.txt", "just text".getBytes(StandardCharsets.UTF_8)), "notes.txt"))
        .containsExactly(Map.entry("notes.txt@null", "just text"));
  }

  @Test
  void refusesZipSlipAbsolutePathsAndLinksOutBeforeAnythingIsHandedOn() throws Exception {
    for (byte[] evil : new byte[][] {
        tar(Map.of("ok.csv", T1, "../../etc/cron.d/x", T1), null, null),
        tar(Map.of("ok.csv", T1, "/etc/passwd", T1), null, null),
        tar(Map.of("ok.csv", T1), "data/link", "../../../etc/shadow")}) {
      Path file = write("evil.tar", evil);
      assertThatThrownBy(() -> unpacker.unpack(file, "evil.tar", LIMITS, dir, null)).isInstanceOf(ImportRefused.class);
    }
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(zipped)) {
      zip.putArchiveEntry(new ZipArchiveEntry("../../evil.sh"));
      zip.write(1);
      zip.closeArchiveEntry();
    }
    Path slip = write("slip.zip", zipped.toByteArray());
    assertThatThrownBy(() -> unpacker.unpack(slip, "slip.zip", LIMITS, dir, null)).isInstanceOf(ImportRefused.class)
        .hasMessageContaining("zip-slip");
    // A link that stays inside is no file, and no harm.
    assertThat(read(write("in.tar", tar(Map.of("a.csv", T1), "b.csv", "a.csv")), "in.tar")).hasSize(1);
  }

  @Test
  void stopsADecompressionBombAndTooManyFiles() throws Exception {
    // 40 MB of zeros compress to about 40 KB: a ratio of ~1000.
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (OutputStream gz = new GzipCompressorOutputStream(bomb)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 40; i++) {
        gz.write(zeros);
      }
    }
    Path file = write("zeros.gz", bomb.toByteArray());
    assertThatThrownBy(() -> unpacker.unpack(file, "zeros.gz", LIMITS, dir, null)).isInstanceOf(ImportRefused.class)
        .hasMessageContaining("bomb");
    Map<String, Instant> many = new LinkedHashMap<>();
    for (int i = 0; i < 101; i++) {
      many.put("f" + i, T1);
    }
    Path flood = write("many.tar", tar(many, null, null));
    assertThatThrownBy(() -> unpacker.unpack(flood, "many.tar", LIMITS, dir, null)).isInstanceOf(ImportRefused.class)
        .hasMessageContaining("more than 100 files");
  }
}
