package org.riskgate.risk.xgboost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskgate.risk.Dataset;
import org.riskgate.risk.PublicData;
import org.riskgate.risk.RiskTraining;
import org.riskgate.risk.Trainer;

/**
 * Tree-path contributions against the definition, computed here from the model's JSON one node at
 * a time: each split credits its feature with the move of the cover-weighted expected value from
 * the node to the child the row takes.
 */
class TreePathsTest {
  @TempDir Path dir;

  @Test
  void contributionsAreEachSplitsMoveAddedUpPerFeatureToTheBit() throws Exception {
    Dataset d = RiskTraining.prepare(PublicData.train().subList(0, 6_000), Optional.empty()).train();
    int rows = 1_000;
    float[] x = Arrays.copyOf(d.x(), rows * d.cols());
    // gaps, so that rows also take each split's default direction
    for (int i = 0; i < x.length; i += 7) {
      x[i] = Float.NaN;
    }
    for (Trainer t : List.of(new XGBoostTrainer(new XGBoostOptions(40, 10, 0.1, 8, 3, 0.8, 0.7, 2, 7)),
        new RandomForestTrainer(20, 10, 2, 7))) {
      XGBoostModel m = (XGBoostModel) t.train(d, Optional.empty()).model();
      Path saved = dir.resolve(t.name());
      java.nio.file.Files.createDirectories(saved);
      m.save(saved);
      JsonNode model = new ObjectMapper().readTree(
          XGBoost.loadModel(saved.resolve(XGBoostModel.FILE).toString()).toByteArray("json"));
      double[][] expected = definition(model, x, rows, d.cols());
      // twice: the leaves' paths are built at the first call, the second reads them
      for (int round = 0; round < 2; round++) {
        float[][] c = m.contributions(x, rows, d.cols(), false).orElseThrow();
        for (int r = 0; r < rows; r++) {
          for (int f = 0; f <= d.cols(); f++) {
            assertThat(c[r][f]).as("%s row %d feature %d", t.name(), r, f).isEqualTo((float) expected[r][f]);
          }
        }
      }
    }
  }

  /** Saabas contributions from the model JSON, bias last. */
  private static double[][] definition(JsonNode model, float[] x, int rows, int cols) {
    JsonNode learner = model.get("learner");
    String base = learner.get("learner_model_param").get("base_score").asText().replace("[", "").replace("]", "");
    double p = Double.parseDouble(base);
    double bias = Math.log(p / (1 - p));
    double[][] out = new double[rows][cols + 1];
    for (JsonNode tree : learner.get("gradient_booster").get("model").get("trees")) {
      int[] left = ints(tree.get("left_children"));
      int[] right = ints(tree.get("right_children"));
      int[] split = ints(tree.get("split_indices"));
      double[] condition = doubles(tree.get("split_conditions"));
      double[] hessian = doubles(tree.get("sum_hessian"));
      int[] defaultLeft = ints(tree.get("default_left"));
      double[] value = new double[left.length];
      for (int id = left.length - 1; id >= 0; id--) {
        value[id] = left[id] < 0 ? condition[id]
            : (hessian[left[id]] * value[left[id]] + hessian[right[id]] * value[right[id]])
                / (hessian[left[id]] + hessian[right[id]]);
      }
      bias += value[0];
      for (int r = 0; r < rows; r++) {
        int node = 0;
        while (left[node] >= 0) {
          float v = x[r * cols + split[node]];
          boolean goRight = Float.isNaN(v) ? defaultLeft[node] == 0 : v >= (float) condition[node];
          int child = goRight ? right[node] : left[node];
          out[r][split[node]] += value[child] - value[node];
          node = child;
        }
      }
    }
    for (double[] row : out) {
      row[cols] = bias;
    }
    return out;
  }

  private static int[] ints(JsonNode a) {
    int[] out = new int[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).isBoolean() ? (a.get(i).asBoolean() ? 1 : 0) : a.get(i).asInt();
    }
    return out;
  }

  private static double[] doubles(JsonNode a) {
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asDouble();
    }
    return out;
  }
}
