package org.dropcart.upload.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.dropcart.platform.domain.ConflictException;
import org.dropcart.platform.domain.GoneException;
import org.dropcart.platform.domain.TooLargeException;
import org.junit.jupiter.api.Test;

class UploadTest {
  private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
  private static final Duration EXPIRY = Duration.ofMinutes(5);

  private static Upload upload(long length) {
    return new Upload("pool", "owner", "client", "alice", length, UploadMetadata.parse(""), T0, EXPIRY);
  }

  @Test
  void offsetAdvancesOnlyByWhatWasWrittenAndCompletesAtTheLength() {
    Upload u = upload(10);
    u.appended(0, 4, T0.plusSeconds(1), EXPIRY);
    assertThat(u.offset()).isEqualTo(4);
    assertThat(u.state()).isEqualTo(UploadState.RECEIVING);
    u.appended(4, 6, T0.plusSeconds(2), EXPIRY);
    assertThat(u.state()).isEqualTo(UploadState.COMPLETE);
    assertThat(u.expiresAt()).isEqualTo(T0.plusSeconds(2).plus(EXPIRY));
  }

  @Test
  void refusesAWrongOffsetBytesPastTheLengthAndAppendsToACompleteUpload() {
    Upload u = upload(10);
    assertThatThrownBy(() -> u.requireAppendable(3, T0)).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> u.appended(0, 11, T0, EXPIRY)).isInstanceOf(TooLargeException.class);
    u.appended(0, 10, T0, EXPIRY);
    assertThatThrownBy(() -> u.requireAppendable(10, T0)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("complete");
  }

  @Test
  void expiresWhenNothingArrivesForTheExpirationPeriod() {
    Upload u = upload(10);
    u.requireAlive(T0.plus(EXPIRY).minusMillis(1));
    assertThatThrownBy(() -> u.requireAlive(T0.plus(EXPIRY))).isInstanceOf(GoneException.class)
        .hasMessageContaining("expired");
  }

  @Test
  void aCompleteUploadDoesNotExpire() {
    Upload u = upload(1);
    u.appended(0, 1, T0, EXPIRY);
    u.requireAlive(T0.plus(EXPIRY).plusSeconds(60));
  }

  @Test
  void aTerminatedUploadIsGone() {
    Upload u = upload(10);
    u.terminate();
    assertThatThrownBy(() -> u.requireAlive(T0)).isInstanceOf(GoneException.class).hasMessageContaining("terminated");
  }

  @Test
  void onlyItsOwnerOwnsIt() {
    assertThat(upload(1).isOwnedBy("owner")).isTrue();
    assertThat(upload(1).isOwnedBy("someone")).isFalse();
  }

  @Test
  void expiresOnlyWhenDueAndStillReceiving() {
    Upload u = upload(10);
    assertThat(u.expireIfDue(T0.plus(EXPIRY).minusSeconds(1))).isFalse();
    assertThat(u.expireIfDue(T0.plus(EXPIRY))).isTrue();
    assertThat(u.state()).isEqualTo(UploadState.EXPIRED);
    assertThat(u.expireIfDue(T0.plus(EXPIRY))).isFalse();

    Upload done = upload(1);
    done.appended(0, 1, T0, EXPIRY);
    assertThat(done.expireIfDue(T0.plus(EXPIRY).plusSeconds(1))).isFalse();
  }

  @Test
  void aDeferredLengthIsDeclaredOnceWithinBoundsAndCompletesWhenReached() {
    Upload u = new Upload("pool", "owner", "client", "alice", null, UploadMetadata.parse(""), T0, EXPIRY);
    assertThat(u.isLengthDeferred()).isTrue();
    u.appended(0, 5, T0, EXPIRY);
    assertThat(u.state()).isEqualTo(UploadState.RECEIVING);
    assertThatThrownBy(() -> u.declareLength(4, 100)).isInstanceOf(org.dropcart.platform.domain.InvalidInputException.class);
    assertThatThrownBy(() -> u.declareLength(101, 100)).isInstanceOf(org.dropcart.platform.domain.InvalidInputException.class);
    u.declareLength(5, 100);
    assertThat(u.state()).isEqualTo(UploadState.COMPLETE);
    u.declareLength(5, 100);
    assertThatThrownBy(() -> u.declareLength(6, 100)).isInstanceOf(org.dropcart.platform.domain.InvalidInputException.class);
  }
}
