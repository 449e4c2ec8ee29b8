package org.riskgate.documents.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RocTest {

  @Test
  void separatedScoresGivePerfectFigures() {
    Roc r = Roc.of(new double[] {80, 90, 95}, new double[] {10, 20, 30});
    assertThat(r.auc()).isEqualTo(1.0);
    assertThat(r.eer()).isEqualTo(0.0);
    assertThat(r.eerThreshold()).isBetween(30.0, 80.0);
  }

  @Test
  void identicalScoresGiveChance() {
    Roc r = Roc.of(new double[] {50, 50}, new double[] {50, 50});
    assertThat(r.auc()).isEqualTo(0.5);
    assertThat(r.eer()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void overlapGivesKnownFigures() {
    // genuine 1..4, forged 3..6: pairs where genuine wins: (4,3) only, ties (3,3),(4,4)
    Roc r = Roc.of(new double[] {1, 2, 3, 4}, new double[] {3, 4, 5, 6});
    assertThat(r.auc()).isCloseTo((0 + 0 + 0.5 + 1.5) / 16.0, within(1e-9));
    assertThat(r.eer()).isGreaterThan(0.5);
  }

  @Test
  void refusesEmptyInput() {
    assertThatThrownBy(() -> Roc.of(new double[0], new double[] {1})).isInstanceOf(IllegalArgumentException.class);
  }
}
