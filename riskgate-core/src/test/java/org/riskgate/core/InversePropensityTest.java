package org.riskgate.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class InversePropensityTest {
  /**
   * Ten declarations; the evaluated policy selects the first five. Inspected: 0 (by the model,
   * p = 1, fraud), 1 (p = 1, clean), 2 (a random pick, p = 0.5, fraud) and 5 (a random pick, fraud,
   * but the policy does not select it). By hand: terms 1, 0, 2 and seven zeros, sum 3, so the
   * policy's five picks are estimated to hold 3 frauds: 0.6 per pick. The terms' mean is 0.3 and
   * their squared deviations add up to 0.49 + 2.89 + 8 × 0.09 = 4.10; the standard error of the
   * sum is sqrt(4.10 / 9) × sqrt(10) and of the per-pick value a fifth of that, 0.42687.
   */
  @Test
  void estimateOnAHandComputedCase() {
    boolean[] policy = {true, true, true, true, true, false, false, false, false, false};
    boolean[] inspected = {true, true, true, false, false, true, false, false, false, false};
    double[] propensity = {1, 1, 0.5, 0, 0, 0.5, 0, 0, 0, 0};
    double[] fraud = {1, 0, 1, 0, 0, 1, 0, 0, 0, 0};
    InversePropensity.Estimate e = InversePropensity.estimate(policy, inspected, propensity, fraud);
    assertEquals(10, e.population());
    assertEquals(5, e.selected());
    assertEquals(0.6, e.value(), 1e-12);
    double se = Math.sqrt(4.10 / 9) * Math.sqrt(10) / 5;
    assertEquals(0.426874, se, 1e-6);
    assertEquals(se, e.standardError(), 1e-12);
    assertEquals(0.6 - 1.959964 * se, e.low(), 1e-6);
    assertEquals(0.6 + 1.959964 * se, e.high(), 1e-6);
    // self-normalised: the policy's inspected picks weigh 1, 1 and 2 and hold 1 + 0 + 2 frauds: 3 / 4
    assertEquals(0.75, e.selfNormalised(), 1e-12);
    // its error: terms minus 0.75 × weights are 0.25, -0.75, 0.5 and seven zeros (mean 0), squares
    // 0.0625 + 0.5625 + 0.25 = 0.875; sqrt(0.875 / 9) × sqrt(10) / 4
    assertEquals(Math.sqrt(0.875 / 9) * Math.sqrt(10) / 4, e.selfNormalisedError(), 1e-12);
  }

  /** With every declaration inspected for sure (p = 1), the estimate is the policy's plain precision. */
  @Test
  void fullyInspectedPopulationGivesThePlainPrecisionWithNoError() {
    boolean[] all = {true, true, true, true};
    InversePropensity.Estimate e = InversePropensity.estimate(new boolean[] {true, true, false, false}, all,
        new double[] {1, 1, 1, 1}, new double[] {1, 0, 1, 1});
    assertEquals(0.5, e.value(), 1e-12);
    assertEquals(0.5, e.selfNormalised(), 1e-12);
  }

  @Test
  void refusesImpossiblePropensities() {
    assertThrows(IllegalArgumentException.class, () -> InversePropensity.estimate(new boolean[] {true},
        new boolean[] {true}, new double[] {0}, new double[] {1}));
    assertThrows(IllegalArgumentException.class, () -> InversePropensity.estimate(new boolean[] {false},
        new boolean[] {true}, new double[] {1}, new double[] {1}));
  }
}
