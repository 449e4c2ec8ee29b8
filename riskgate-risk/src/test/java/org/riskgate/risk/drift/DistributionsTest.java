package org.riskgate.risk.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DistributionsTest {
  /**
   * Reference 1, 2, 3, 4 in two bins: the edge is the median, 2, so the bins hold {1, 2} and
   * {3, 4}, half each. The week 1, 3, 4, 4 puts a quarter in the first and three quarters in the
   * second. By hand: PSI = (0.25 − 0.5) ln(0.25 / 0.5) + (0.75 − 0.5) ln(0.75 / 0.5)
   * = 0.25 × 0.693147 + 0.25 × 0.405465 = 0.274653.
   */
  @Test
  void psiOnAHandComputedCase() {
    float[] reference = {1, 2, 3, 4};
    double[] edges = Distributions.edges(reference, 2);
    assertArrayEquals(new double[] {2}, edges);
    double[] expected = Distributions.shares(reference, edges);
    double[] actual = Distributions.shares(new float[] {1, 3, 4, 4}, edges);
    assertArrayEquals(new double[] {0.5, 0.5, 0}, expected, 1e-12);
    assertArrayEquals(new double[] {0.25, 0.75, 0}, actual, 1e-12);
    assertEquals(0.274653, Distributions.psi(expected, actual), 1e-6);
    assertEquals(0.25 * Math.log(2) + 0.25 * Math.log(1.5), Distributions.psi(expected, actual), 1e-12);
  }

  /** Values that go missing count as drift: half the week missing against none in the reference. */
  @Test
  void missingValuesHaveABinOfTheirOwn() {
    double[] edges = {2};
    double[] week = Distributions.shares(new float[] {1, Float.NaN, 3, Float.NaN}, edges);
    assertArrayEquals(new double[] {0.25, 0.25, 0.5}, week, 1e-12);
    // the reference's empty missing bin is floored at 1e-4: (0.5 - 1e-4) ln(0.5 / 1e-4) dominates
    double psi = Distributions.psi(new double[] {0.5, 0.5, 0}, week);
    double byHand = 2 * (0.25 - 0.5) * Math.log(0.25 / 0.5) + (0.5 - 1e-4) * Math.log(0.5 / 1e-4);
    assertEquals(byHand, psi, 1e-12);
  }

  /** A few distinct values keep one bin each instead of repeated edges. */
  @Test
  void repeatedEdgesCollapse() {
    assertArrayEquals(new double[] {0, 1, 2}, Distributions.edges(new float[] {0, 0, 0, 0, 0, 1, 1, 1, 2, 2}, 10));
  }

  /**
   * KS of {1, 2, 3, 4} against {3, 4, 5, 6}: after 2 the first distribution is at 1/2 and the
   * second at 0; after 3 and 4 the gap stays 1/2 (3/4 − 1/4, 1 − 1/2): the largest gap is 0.5.
   */
  @Test
  void ksOnAHandComputedCase() {
    assertEquals(0.5, Distributions.ks(new float[] {1, 2, 3, 4}, new float[] {3, 4, 5, 6}), 1e-12);
    assertEquals(0, Distributions.ks(new float[] {1, 2}, new float[] {1, 2}), 1e-12);
    assertEquals(1, Distributions.ks(new float[] {1, 2}, new float[] {3, 4}), 1e-12);
  }
}
