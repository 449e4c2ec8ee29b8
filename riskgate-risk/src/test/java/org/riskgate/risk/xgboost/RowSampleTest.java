package org.riskgate.risk.xgboost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.riskgate.risk.Dataset;

class RowSampleTest {
  /** Row r holds r and r + 0.5 with label r % 2, so a sampled row shows where it came from. */
  private static Dataset numbered(int rows) {
    float[] x = new float[rows * 2];
    float[] y = new float[rows];
    for (int r = 0; r < rows; r++) {
      x[2 * r] = r;
      x[2 * r + 1] = r + 0.5f;
      y[r] = r % 2;
    }
    return new Dataset(x, rows, 2, y, List.of("a", "b"));
  }

  @Test
  void aSampleKeepsWholeRowsInTheirOrder() {
    Dataset d = numbered(100_000);
    Dataset s = XGBoostTrainer.sample(d, 10_000, 42);
    assertThat(s.rows()).isBetween(9_500, 10_500);
    float previous = -1;
    for (int i = 0; i < s.rows(); i++) {
      float r = s.x()[2 * i];
      assertThat(r).isGreaterThan(previous);
      assertThat(s.x()[2 * i + 1]).isEqualTo(r + 0.5f);
      assertThat(s.labels()[i]).isEqualTo(r % 2);
      previous = r;
    }
    assertThat(XGBoostTrainer.sample(d, 10_000, 42).x()).containsExactly(s.x());
    assertThat(XGBoostTrainer.sample(d, 10_000, 43).x()).isNotEqualTo(s.x());
  }

  @Test
  void aSmallDataSetIsUsedWhole() {
    Dataset d = numbered(1_000);
    assertThat(XGBoostTrainer.sample(d, 1_000, 42)).isSameAs(d);
  }
}
