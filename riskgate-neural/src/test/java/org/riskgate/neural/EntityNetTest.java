package org.riskgate.neural;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.riskgate.core.Declaration;
import org.riskgate.risk.Contribution;
import org.riskgate.risk.Explanations;
import org.riskgate.risk.ModelBundle;

/** The entity-embedding network on {@link SmallData}. */
class EntityNetTest {
  static final NeuralOptions QUICK = SmallData.QUICK;
  final SmallData data = SmallData.get();
  @Test
  void aBundleRoundTripsWithTheSameScoresAndExplanations() throws Exception {
    ModelBundle bundle = data.train(new EntityNetTrainer(QUICK));
    bundle.save(data.dir.resolve("net"));
    ModelBundle loaded = ModelBundle.load(data.dir.resolve("net"));
    int w = data.prepared.train().cols();
    float[] x = data.head(300);
    double[] before = bundle.model().score(x, 300, w);
    double[] after = loaded.model().score(x, 300, w);
    for (int i = 0; i < before.length; i++) {
      assertThat(after[i]).isCloseTo(before[i], org.assertj.core.data.Offset.offset(1e-6));
    }
    assertThat(loaded.provenance()).isEqualTo(bundle.provenance());
    assertThat(loaded.provenance().trainer()).isEqualTo("entity-net");
    assertThat(loaded.provenance().parameters()).containsEntry("seed", "42").containsKey("engine");
    assertThat(loaded.provenance().trainingNotes()).containsKeys("epochs", "early_stopping_auc", "train_seconds");
    assertThat(loaded.provenance().modelFeatures()).contains("importer_id", "seller_id", "hs6_number");
    float[][] c1 = bundle.model().contributions(x, 5, w, true).orElseThrow();
    float[][] c2 = loaded.model().contributions(x, 5, w, true).orElseThrow();
    for (int r = 0; r < 5; r++) {
      for (int f = 0; f <= w; f++) {
        assertThat(c2[r][f]).isCloseTo(c1[r][f], org.assertj.core.data.Offset.offset(1e-5f));
      }
    }
  }

  @Test
  void integratedGradientsAddUpToTheLogOddsLessTheBaselines() throws Exception {
    EntityNetTrainer trainer = new EntityNetTrainer(QUICK);
    NeuralModel model = (NeuralModel) trainer.train(
        data.prepared.train(), Optional.empty()).model();
    int w = model.net().inputs.cols;
    float[] x = data.prepared.train().x();
    int n = 40;
    float[] logits = model.logits(x, n);
    float baseline;
    try (NDManager m = model.net().params.manager.newSubManager()) {
      int width = model.net().dimFeature().length;
      baseline = model.net().logit(m.zeros(new ai.djl.ndarray.types.Shape(1, width))).toFloatArray()[0];
    }
    float[][] c = model.contributions(x, n, w, true).orElseThrow();
    double worst = 0;
    for (int r = 0; r < n; r++) {
      double features = 0;
      for (int f = 0; f < w; f++) {
        features += c[r][f];
      }
      // the row's log-odds are the features' part and the bias, exactly
      assertThat(features + c[r][w]).isCloseTo(logits[r], org.assertj.core.data.Offset.offset(1e-4));
      // and the features' part is the log-odds less the network's at the baseline (the integral's error)
      worst = Math.max(worst, Math.abs(features - (logits[r] - baseline)));
      // something is explained: not every contribution is zero
      assertThat(Arrays.copyOf(c[r], w)).isNotEqualTo(new float[w]);
    }
    // the midpoint rule over a ReLU network's kinks: a few hundredths of a log-odds with 64 steps
    assertThat(worst).isLessThan(0.05);
  }

  @Test
  void reasonsAreInThePipelinesWords() throws Exception {
    ModelBundle bundle = data.train(new EntityNetTrainer(QUICK));
    int w = data.prepared.train().cols();
    float[] x = data.head(50);
    float[][] c = bundle.model().contributions(x, 50, w, true).orElseThrow();
    List<Declaration> ordered = org.riskgate.risk.features.FeaturePipeline.fit(data.rows).walk(data.rows, (p, d, f) -> {});
    boolean any = false;
    for (int r = 0; r < 50; r++) {
      List<Contribution> top = Explanations.top(bundle.features(), ordered.get(r), c[r], x, r * w, 3);
      for (Contribution t : top) {
        assertThat(t.text()).isNotBlank();
        assertThat(t.weight()).isPositive();
        any = true;
      }
    }
    assertThat(any).isTrue();
  }

  @Test
  void trainingIsDeterministicWithASeed() {
    var train = data.prepared.train();
    float[] x = Arrays.copyOf(train.x(), 200 * train.cols());
    double[] a = new EntityNetTrainer(QUICK).train(train, Optional.empty()).model().score(x, 200, train.cols());
    double[] b = new EntityNetTrainer(QUICK).train(train, Optional.empty()).model().score(x, 200, train.cols());
    double[] other = new EntityNetTrainer(new NeuralOptions(2, 4, 512, 2e-3, 1e-4, 128, 12, 2, 7, 2))
        .train(train, Optional.empty()).model().score(x, 200, train.cols());
    assertThat(b).containsExactly(a);
    assertThat(other).isNotEqualTo(a);
  }
}
