package org.riskgate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankingMetricsTest {

  @Test
  void handComputedRanking() {
    // ranked by score: A(f,10) B(-,0) C(f,30) D(-,0) E(-,0) F(f,60) G.. J(-,0)
    double[] s = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05};
    boolean[] y = {true, false, true, false, false, true, false, false, false, false};
    double[] tax = {10, 99, 30, 99, 99, 60, 99, 99, 99, 99};
    RankingEvaluation e = RankingMetrics.evaluate(s, y, tax, 10, 20, 30, 50);
    // top 10 % = 1 row (A): precision 1, recall 1/3, revenue 10/100
    assertThat(e.at(10)).isEqualTo(new AtPercent(10, 1, 1.0, 1 / 3.0, 0.1));
    // top 30 % = A B C: 2 hits
    assertThat(e.at(30).precision()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(e.at(30).revenue()).isCloseTo(0.4, within(1e-12));
    // top 50 % = A..E: 2 hits of 3
    assertThat(e.at(50).recall()).isCloseTo(2 / 3.0, within(1e-12));
    // AUC: positives at ranks 1,3,6 among 10; negatives below each: 7, 6, 4 of 7 → 17/21
    assertThat(e.auc()).isCloseTo(17 / 21.0, within(1e-12));
    // AP = (1/1 + 2/3 + 3/6) / 3
    assertThat(e.prAuc()).isCloseTo((1 + 2 / 3.0 + 0.5) / 3, within(1e-12));
    assertThat(e.frauds()).isEqualTo(3);
  }

  @Test
  void tiedScoresCountHalf() {
    RankingEvaluation e = RankingMetrics.evaluate(
        new double[] {0.5, 0.5}, new boolean[] {true, false}, new double[] {1, 1}, 50);
    assertThat(e.auc()).isEqualTo(0.5);
    assertThat(e.prAuc()).isEqualTo(0.5);
  }

  @Test
  void partialPercentRoundsUpToWholeDeclarations() {
    double[] s = new double[250];
    boolean[] y = new boolean[250];
    for (int i = 0; i < s.length; i++) {
      s[i] = -i;
      y[i] = i < 3;
    }
    // 1 % of 250 = 2.5 → 3 declarations, all fraud
    AtPercent at = RankingMetrics.evaluate(s, y, new double[250], 1).at(1);
    assertThat(at.selected()).isEqualTo(3);
    assertThat(at.precision()).isEqualTo(1.0);
    assertThat(at.revenue()).isZero();
  }
}
