package org.riskgate.neural;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.riskgate.risk.Dataset;
import org.riskgate.risk.ModelBundle;

/** The tree-attention network on {@link SmallData}. */
class TreeAttentionTest {
  final SmallData data = SmallData.get();

  @Test
  void aBundleRoundTripsWithTheBoosterAndTheSameScores() throws Exception {
    ModelBundle bundle = data.train(new TreeAttentionTrainer(SmallData.QUICK));
    bundle.save(data.dir.resolve("attention"));
    ModelBundle loaded = ModelBundle.load(data.dir.resolve("attention"));
    int w = data.prepared.train().cols();
    float[] x = data.head(300);
    double[] before = bundle.model().score(x, 300, w);
    double[] after = loaded.model().score(x, 300, w);
    for (int i = 0; i < before.length; i++) {
      assertThat(after[i]).isCloseTo(before[i], Offset.offset(1e-6));
    }
    assertThat(loaded.provenance().trainer()).isEqualTo("tree-attention");
    assertThat(loaded.provenance().trainingNotes()).containsKeys("epochs", "trees.rounds");
    float[][] c1 = bundle.model().contributions(x, 5, w, true).orElseThrow();
    float[][] c2 = loaded.model().contributions(x, 5, w, true).orElseThrow();
    for (int r = 0; r < 5; r++) {
      for (int f = 0; f <= w; f++) {
        assertThat(c2[r][f]).isCloseTo(c1[r][f], Offset.offset(1e-5f));
      }
    }
  }

  @Test
  void explanationsAddUpAndTheLeavesReachTheColumnsTheirTreesSplitOn() {
    Dataset train = data.prepared.train();
    NeuralModel model = (NeuralModel) new TreeAttentionTrainer(SmallData.QUICK).train(train, Optional.empty()).model();
    int w = train.cols();
    int n = 30;
    float[] logits = model.logits(train.x(), n);
    float baseline;
    try (NDManager m = model.net().params.manager.newSubManager()) {
      baseline = model.net().logit(m.zeros(new ai.djl.ndarray.types.Shape(1, model.net().dimFeature().length)))
          .toFloatArray()[0];
    }
    float[][] c = model.contributions(train.x(), n, w, true).orElseThrow();
    int importer = train.featureNames().indexOf("importer_id");
    int taxRate = train.featureNames().indexOf("tax_rate");
    boolean throughLeaves = false;
    for (int r = 0; r < n; r++) {
      double features = 0;
      for (int f = 0; f < w; f++) {
        features += c[r][f];
      }
      assertThat(features + c[r][w]).isCloseTo(logits[r], Offset.offset(1e-4));
      assertThat(features).isCloseTo(logits[r] - baseline, Offset.offset(0.05));
      assertThat(c[r][importer]).isNotZero();
      // a numeric column the trees split on gets the leaves' shares beside its own
      throughLeaves |= c[r][taxRate] != 0;
    }
    assertThat(throughLeaves).isTrue();
    assertThat(Arrays.stream(c).mapToDouble(r -> Math.abs(r[importer])).sum()).isPositive();
  }
}
