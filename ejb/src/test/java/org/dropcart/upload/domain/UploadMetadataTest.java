package org.dropcart.upload.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.dropcart.platform.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UploadMetadataTest {
  private static final Instant RECEIVED = Instant.parse("2026-11-23T12:00:00Z");

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsTheKeysDropcartUsesAndKeepsTheHeaderAsSent() {
    String header = "filename " + b64("report.csv") + ",filetype " + b64("text/csv") + ",pool " + b64("p-1")
        + ",timestamp " + b64("2026-11-23T10:00:00Z") + ",flag";
    UploadMetadata m = UploadMetadata.parse(header);

    assertThat(m.fileName()).contains("report.csv");
    assertThat(m.fileType()).contains("text/csv");
    assertThat(m.pool()).isEqualTo("p-1");
    assertThat(m.timestamp(RECEIVED)).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
    assertThat(m.values()).containsEntry("flag", "");
    assertThat(m.header()).isEqualTo(header);
  }

  @Test
  void acceptsEpochMillisecondsAndOffsetsAndDefaultsToTheTimeOfReceipt() {
    assertThat(UploadMetadata.parse("timestamp " + b64("1795430400000")).timestamp(RECEIVED))
        .isEqualTo(Instant.ofEpochMilli(1795430400000L));
    assertThat(UploadMetadata.parse("timestamp " + b64("2026-11-23T11:00:00+01:00")).timestamp(RECEIVED))
        .isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
    assertThat(UploadMetadata.parse("").timestamp(RECEIVED)).isEqualTo(RECEIVED);
  }

  @Test
  void decodesUtf8Names() {
    assertThat(UploadMetadata.parse("filename " + b64("données-été.csv")).fileName()).contains("données-été.csv");
  }

  @ParameterizedTest
  @ValueSource(strings = {"pool !!!", "pool a b", "bad key " , "pool x,pool y", "=x " , ",", "pool /w==x"})
  void refusesMalformedHeaders(String header) {
    assertThatThrownBy(() -> UploadMetadata.parse(header)).isInstanceOf(InvalidInputException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"../etc/passwd", "a/b", "a\\b", "..", ".", "tab\tname"})
  void refusesFileNamesThatCouldEscapeOrHideSomething(String name) {
    assertThatThrownBy(() -> UploadMetadata.parse("filename " + b64(name)))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.errors().get(0).field()).isEqualTo("Upload-Metadata.filename"));
  }

  @Test
  void refusesTimestampsItCannotRead() {
    UploadMetadata m = UploadMetadata.parse("timestamp " + b64("yesterday"));
    assertThatThrownBy(() -> m.timestamp(RECEIVED)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void requiresThePool() {
    assertThatThrownBy(() -> UploadMetadata.parse("filename " + b64("a")).pool())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("pool");
  }

  @Test
  void refusesAnOversizedHeader() {
    assertThatThrownBy(() -> UploadMetadata.parse("k " + "A".repeat(UploadMetadata.MAX_HEADER)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aDeclaredChecksumAndABatchKindAreCheckedWhenTheHeaderIsRead() {
    UploadMetadata m = UploadMetadata.of(java.util.Map.of("pool", "p", "checksum", "sha1 AAAA", "batch", "tar"));
    assertThat(m.checksum()).hasValueSatisfying(c -> assertThat(c.algorithm()).isEqualTo(Checksum.Algorithm.SHA1));
    assertThat(m.isTarBatch()).isTrue();
    assertThat(UploadMetadata.parse(m.header()).values()).isEqualTo(m.values());
    assertThatThrownBy(() -> UploadMetadata.of(java.util.Map.of("pool", "p", "checksum", "crc32 AAAA")))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> UploadMetadata.of(java.util.Map.of("pool", "p", "batch", "zip")))
        .isInstanceOf(InvalidInputException.class);
    assertThat(UploadMetadata.of(java.util.Map.of("pool", "p")).hasTimestamp()).isFalse();
  }

  @Test
  void aResultUploadNamesItsGroupAndIsOneFile() {
    assertThat(UploadMetadata.of(java.util.Map.of("group", "g-1", "filename", "r.bin")).resultOf()).contains("g-1");
    assertThat(UploadMetadata.of(java.util.Map.of("pool", "p")).resultOf()).isEmpty();
    assertThat(UploadMetadata.parse("group").resultOf()).isEmpty();
    assertThatThrownBy(() -> UploadMetadata.of(java.util.Map.of("group", "g-1", "batch", "tar")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("one file");
  }
}
