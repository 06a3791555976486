package org.dropcart.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class FailuresTest {

  @Test
  void aMessagelessFailureIsNamedByItsTypeNeverNull() {
    assertThat(Failures.describe(new ConnectException())).isEqualTo("ConnectException");
  }

  @Test
  void theInnermostCauseSpeaks() {
    Throwable wrapped = new IllegalStateException("Could not store",
        new UncheckedIOException(new IOException("No space left on device")));
    assertThat(Failures.describe(wrapped)).isEqualTo("IOException: No space left on device");
  }
}
