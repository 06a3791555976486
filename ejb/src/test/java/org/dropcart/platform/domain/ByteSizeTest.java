package org.dropcart.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {

  @ParameterizedTest
  @CsvSource({
    "1048576, 1048576",
    "7B, 7",
    "1KB, 1000",
    "500MB, 500000000",
    "2GB, 2000000000",
    "3TB, 3000000000000",
  })
  void readsBareNumbersAndDecimalUnitsAsPowersOfAThousand(String text, long bytes) {
    assertThat(ByteSize.parse(text).bytes()).isEqualTo(bytes);
  }

  @ParameterizedTest
  @CsvSource({
    "1KiB, 1024",
    "100MiB, 104857600",
    "2GiB, 2147483648",
    "1TiB, 1099511627776",
  })
  void readsBinaryUnitsAsPowersOf1024(String text, long bytes) {
    assertThat(ByteSize.parse(text).bytes()).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"500mb", "500Mb", "500mB", "500MB"})
  void ignoresTheCaseOfTheUnit(String text) {
    assertThat(ByteSize.parse(text).bytes()).isEqualTo(500_000_000L);
  }

  @Test
  void ignoresTheCaseOfBinaryUnits() {
    assertThat(ByteSize.parse("1kib").bytes()).isEqualTo(1024);
    assertThat(ByteSize.parse("1KIB").bytes()).isEqualTo(1024);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2 GB", "  2GB", "2GB  ", " 2  GB "})
  void allowsSpacesAroundAndBetweenNumberAndUnit(String text) {
    assertThat(ByteSize.parse(text).bytes()).isEqualTo(2_000_000_000L);
  }

  @Test
  void readsZero() {
    assertThat(ByteSize.parse("0MB").bytes()).isZero();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "  ", "MB", "-1", "-1MB", "1.5GB", "1,000", "10 XB", "10 PB", "10 M", "ten", "1 0MB"
      })
  void rejectsWhatIsNotASize(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ByteSize.parse(text))
        .withMessageContaining("Not a size");
  }

  @Test
  void rejectsAProductTooLargeForALong() {
    assertThatThrownBy(() -> ByteSize.parse("9000000TiB"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too large");
    assertThatThrownBy(() -> ByteSize.parse("99999999999999999999"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too large");
  }

  @Test
  void rejectsANegativeAmount() {
    assertThatIllegalArgumentException().isThrownBy(() -> new ByteSize(-1));
  }

  @Test
  void printsAsBytes() {
    assertThat(ByteSize.parse("1KiB")).hasToString("1024 B");
  }
}
