package org.riskgate.risk.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class WordsTest {

  @Test
  void moneyIsRoundedAndGroupedInThousands() {
    assertThat(Words.money(0)).isEqualTo("0");
    assertThat(Words.money(999.4)).isEqualTo("999");
    assertThat(Words.money(999.5)).isEqualTo("1,000");
    assertThat(Words.money(1_234_567.5)).isEqualTo("1,234,568");
    assertThat(Words.money(123_456)).isEqualTo("123,456");
    assertThat(Words.money(-12_345)).isEqualTo("-12,345");
  }

  @Test
  void decimalsRoundHalfUpAsTheFormatterDid() {
    assertThat(Words.oneDecimal(2.45)).isEqualTo("2.5");
    assertThat(Words.oneDecimal(8)).isEqualTo("8.0");
    assertThat(Words.oneDecimal(-1.25)).isEqualTo("-1.3");
    assertThat(Words.oneDecimal(-0.04)).isEqualTo("0.0");
    assertThat(Words.whole(12.5)).isEqualTo("13");
  }

  @Test
  void agreesWithStringFormatAcrossMagnitudes() {
    for (double v = 0; v < 3_000_000; v = v * 1.37 + 0.731) {
      assertThat(Words.money(v)).isEqualTo(String.format(Locale.ROOT, "%,.0f", v));
      assertThat(Words.oneDecimal(v)).isEqualTo(String.format(Locale.ROOT, "%.1f", v));
    }
  }
}
