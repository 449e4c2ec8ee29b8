package org.riskgate.profiles.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void binomialTailMatchesDirectSums() {
    // P(X >= 3), X ~ Bin(10, 0.2): 1 - sum_{i<3} C(10,i) .2^i .8^(10-i)
    double direct = 1 - (Math.pow(0.8, 10) + 10 * 0.2 * Math.pow(0.8, 9)
        + 45 * 0.04 * Math.pow(0.8, 8));
    assertThat(Stats.binomialUpperTail(3, 10, 0.2)).isCloseTo(direct, within(1e-12));
    assertThat(Stats.binomialUpperTail(0, 10, 0.2)).isEqualTo(1.0);
    assertThat(Stats.binomialUpperTail(10, 10, 0.5)).isCloseTo(Math.pow(0.5, 10), within(1e-15));
    // a large group far above the rate has a vanishing p-value, one at the rate about a half
    assertThat(Stats.binomialUpperTail(400, 1000, 0.2)).isLessThan(1e-40);
    assertThat(Stats.binomialUpperTail(200, 1000, 0.2)).isBetween(0.45, 0.55);
  }

  @Test
  void wilsonIntervalAndNormalTail() {
    double[] ci = Stats.wilson(8, 10, 1.96);
    // textbook values for 8/10: 0.490 .. 0.943
    assertThat(ci[0]).isCloseTo(0.490, within(0.001));
    assertThat(ci[1]).isCloseTo(0.943, within(0.001));
    assertThat(Stats.normalUpperTail(1.959963984540054)).isCloseTo(0.025, within(1e-6));
    assertThat(Stats.normalUpperTail(0)).isCloseTo(0.5, within(1e-7));
  }

  @Test
  void benjaminiHochbergAdjustsAndKeepsOrder() {
    double[] q = Stats.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.5});
    assertThat(q).containsExactly(new double[] {0.04, 0.04 * 4 / 3, 0.04 * 4 / 3, 0.5},
        within(1e-12));
  }
}
