package org.riskgate.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NormalisedMetricsTest {
  /**
   * Six declarations, two frauds (revenue 10 and 30). Selecting three that hold the 10 fraud:
   * precision 1/3, but no three picks could hold more than the two frauds, so Norm-Precision is
   * 1/2; the best three picks would catch 40 of revenue, these caught 10: Norm-Revenue 0.25.
   */
  @Test
  void normalisesAgainstTheBestSelectionOfTheSameSize() {
    boolean[] chosen = {true, true, true, false, false, false};
    boolean[] fraud = {true, false, false, true, false, false};
    double[] revenue = {10, 5, 5, 30, 0, 0};
    NormalisedMetrics.Figures f = NormalisedMetrics.of(chosen, fraud, revenue);
    assertEquals(3, f.selected());
    assertEquals(1, f.frauds());
    assertEquals(1 / 3.0, f.precision(), 1e-12);
    assertEquals(0.5, f.recall(), 1e-12);
    assertEquals(0.25, f.revenue(), 1e-12);
    assertEquals(0.5, f.normPrecision(), 1e-12);
    assertEquals(0.25, f.normRevenue(), 1e-12);
  }

  /** With one pick, the best pick is the larger fraud: catching the smaller one is a third of it. */
  @Test
  void onePickAgainstTheLargestFraud() {
    NormalisedMetrics.Figures f = NormalisedMetrics.of(new boolean[] {true, false, false},
        new boolean[] {true, true, false}, new double[] {10, 30, 0});
    assertEquals(1, f.normPrecision(), 1e-12);
    assertEquals(10 / 30.0, f.normRevenue(), 1e-12);
  }

  /** Two periods add their counts: 1 + 2 hits of 3 + 3 picks, best 2 + 3: Norm-Precision 3/5, not the mean of 1/2 and 2/3. */
  @Test
  void periodsAddUpTheirCounts() {
    NormalisedMetrics.Figures a = NormalisedMetrics.of(new boolean[] {true, true, true, false},
        new boolean[] {true, false, false, true}, new double[] {1, 0, 0, 1});
    NormalisedMetrics.Figures b = NormalisedMetrics.of(new boolean[] {true, true, true, false},
        new boolean[] {true, true, false, true}, new double[] {1, 1, 0, 1});
    NormalisedMetrics.Figures sum = NormalisedMetrics.Figures.sum(java.util.List.of(a, b));
    assertEquals(6, sum.selected());
    assertEquals(3, sum.frauds());
    assertEquals(0.6, sum.normPrecision(), 1e-12);
    assertEquals(3 / 5.0, sum.recall(), 1e-12);
  }

  @Test
  void topTakesTheCeilingOfTheShare() {
    assertArrayEquals(new boolean[] {false, true, true, false},
        NormalisedMetrics.top(new double[] {0.1, 0.9, 0.5, 0.2}, 40));
  }
}
