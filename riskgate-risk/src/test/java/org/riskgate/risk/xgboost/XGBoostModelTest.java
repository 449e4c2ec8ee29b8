package org.riskgate.risk.xgboost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.riskgate.risk.Dataset;
import org.riskgate.risk.PublicData;
import org.riskgate.risk.RiskTraining;
import org.riskgate.risk.Trainer;

class XGBoostModelTest {

  /** Scores come from trees walked in Java: they must be XGBoost's own, for boosting and forests. */
  @Test
  void theJavaWalkGivesXGBoostsOwnPredictions() {
    Dataset d = RiskTraining.prepare(PublicData.train().subList(0, 12_000), Optional.empty()).train();
    for (Trainer t : List.of(new XGBoostTrainer(new XGBoostOptions(60, 10, 0.1, 12, 3, 0.8, 0.7, 2, 7)),
        new RandomForestTrainer(30, 10, 2, 7))) {
      XGBoostModel m = (XGBoostModel) t.train(d, Optional.empty()).model();
      int rows = 3_000;
      double[] walked = m.walk(d.x(), rows, d.cols());
      double[] nativeScores = m.nativeScore(d.x(), rows, d.cols());
      for (int i = 0; i < rows; i++) {
        assertThat(walked[i]).as("%s row %d", t.name(), i).isCloseTo(nativeScores[i], Offset.offset(1e-6));
      }
      // missing values take each split's learned default direction, left or right
      float[] gaps = Arrays.copyOf(d.x(), rows * d.cols());
      for (int i = 0; i < gaps.length; i += 3) {
        gaps[i] = Float.NaN;
      }
      double[] walkedGaps = m.walk(gaps, rows, d.cols());
      double[] nativeGaps = m.nativeScore(gaps, rows, d.cols());
      for (int i = 0; i < rows; i++) {
        assertThat(walkedGaps[i]).as("%s row %d with gaps", t.name(), i).isCloseTo(nativeGaps[i], Offset.offset(1e-6));
      }
      assertThat(m.score(d.x(), rows, d.cols())).as("scores are the walk's once it is found to agree")
          .containsExactly(walked);
    }
  }

  /** A cascade adds trees in ranges: in any cut, they must give the full walk's sums bit for bit. */
  @Test
  void treesAddedInRangesGiveTheWholeWalkExactly() {
    Dataset d = RiskTraining.prepare(PublicData.train().subList(0, 6_000), Optional.empty()).train();
    XGBoostModel m = (XGBoostModel) new XGBoostTrainer(new XGBoostOptions(40, 10, 0.1, 8, 3, 0.8, 0.7, 2, 7))
        .train(d, Optional.empty()).model();
    int rows = 2_000;
    double[] whole = m.walk(d.x(), rows, d.cols());
    for (int cut : new int[] {0, 1, Math.min(7, m.trees()), m.trees() / 2, m.trees()}) {
      double[] sums = new double[rows];
      Arrays.fill(sums, m.baseMargin());
      m.addTrees(d.x(), rows, d.cols(), 0, cut, sums);
      m.addTrees(d.x(), rows, d.cols(), cut, m.trees(), sums);
      for (int i = 0; i < rows; i++) {
        assertThat(1 / (1 + Math.exp(-sums[i]))).as("cut %d row %d", cut, i).isEqualTo(whole[i]);
      }
    }
  }
}
