package org.dropcart.upload.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.dropcart.platform.domain.ConflictException;
import org.dropcart.platform.domain.ForbiddenException;
import org.dropcart.platform.domain.GoneException;
import org.dropcart.platform.domain.InvalidInputException;
import org.dropcart.platform.domain.TooLargeException;
import org.junit.jupiter.api.Test;

class ConcatenationTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static final Duration EXPIRY = Duration.ofMinutes(5);
  private static final UploadMetadata META = UploadMetadata.parse("");

  private static Upload partial(String owner, String pool, long length, boolean complete) {
    Upload u = new Upload(pool, owner, "client", "alice", length, META, T0, EXPIRY, ConcatRole.PARTIAL);
    if (complete) {
      u.appended(0, length, T0, EXPIRY);
    }
    return u;
  }

  @Test
  void aFinalUploadIsCompleteAtOnceWithThePartsLengthsSummedAndTakesThemIn() {
    Upload a = partial("owner", "pool", 3, true);
    Upload b = partial("owner", "pool", 4, true);
    Upload last = Upload.concatenationOf(List.of(a, b), "owner", META, 100, T0, EXPIRY);
    assertThat(last.length()).isEqualTo(7);
    assertThat(last.offset()).isEqualTo(7);
    assertThat(last.awaitsStore()).isTrue();
    assertThat(last.concatParts()).containsExactly(a.id(), b.id());
    assertThat(a.state()).isEqualTo(UploadState.CONCATENATED);
    assertThat(a.awaitsStore()).as("a partial upload is never stored on its own").isFalse();
    assertThatThrownBy(() -> last.requireAppendable(7, T0)).isInstanceOf(ForbiddenException.class);
  }

  @Test
  void refusesPartsThatAreIncompleteForeignReusedRepeatedOrTooBig() {
    assertThatThrownBy(() -> Upload.concatenationOf(List.of(partial("owner", "pool", 3, false)), "owner", META, 100,
        T0, EXPIRY)).isInstanceOf(ConflictException.class).hasMessageContaining("0 of 3");
    assertThatThrownBy(() -> Upload.concatenationOf(List.of(partial("other", "pool", 3, true)), "owner", META, 100,
        T0, EXPIRY)).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> Upload.concatenationOf(
        List.of(partial("owner", "pool", 3, true), partial("owner", "elsewhere", 3, true)), "owner", META, 100, T0,
        EXPIRY)).isInstanceOf(ConflictException.class);
    Upload used = partial("owner", "pool", 3, true);
    Upload.concatenationOf(List.of(used), "owner", META, 100, T0, EXPIRY);
    assertThatThrownBy(() -> Upload.concatenationOf(List.of(used), "owner", META, 100, T0, EXPIRY))
        .isInstanceOf(ConflictException.class).hasMessageContaining("already part");
    Upload twice = partial("owner", "pool", 3, true);
    assertThatThrownBy(() -> Upload.concatenationOf(List.of(twice, twice), "owner", META, 100, T0, EXPIRY))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Upload.concatenationOf(
        List.of(partial("owner", "pool", 60, true), partial("owner", "pool", 60, true)), "owner", META, 100, T0,
        EXPIRY)).isInstanceOf(TooLargeException.class);
    Upload plain = new Upload("pool", "owner", "client", "alice", 3L, META, T0, EXPIRY);
    plain.appended(0, 3, T0, EXPIRY);
    assertThatThrownBy(() -> Upload.concatenationOf(List.of(plain), "owner", META, 100, T0, EXPIRY))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void aCompletePartialUploadExpiresUntilAFinalOneTakesItIn() {
    Upload waiting = partial("owner", "pool", 3, true);
    assertThat(waiting.expires()).isTrue();
    assertThatThrownBy(() -> Upload.concatenationOf(List.of(waiting), "owner", META, 100, T0.plus(EXPIRY), EXPIRY))
        .isInstanceOf(GoneException.class);
    assertThat(waiting.expireIfDue(T0.plus(EXPIRY))).isTrue();
  }

  @Test
  void thePipelineOutcomeIsRecordedOnceAndACompleteUploadCannotBeTerminated() {
    Upload u = new Upload("pool", "owner", "client", "alice", 0L, META, T0, EXPIRY);
    assertThat(u.awaitsStore()).as("an upload of no bytes is complete at once").isTrue();
    assertThatThrownBy(u::terminate).isInstanceOf(ConflictException.class);
    u.rejected("empty-file");
    u.stored();
    assertThat(u.state()).isEqualTo(UploadState.REJECTED);
    assertThat(u.outcome()).isEqualTo("empty-file");
  }
}
