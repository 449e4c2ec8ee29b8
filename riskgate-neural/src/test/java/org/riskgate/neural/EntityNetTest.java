package org.riskgate.neural;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationReader;
import org.riskgate.core.RejectFile;
import org.riskgate.risk.Contribution;
import org.riskgate.risk.Explanations;
import org.riskgate.risk.FeatureSet;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.RiskTraining;

/** The entity-embedding network on the first 4,000 declarations of 2020: small, a few seconds. */
class EntityNetTest {
  static final NeuralOptions QUICK = NeuralOptions.DEFAULT.withEpochs(2);
  static RiskTraining.Prepared prepared;
  static List<Declaration> rows;
  @TempDir static Path dir;

  @BeforeAll
  static void prepare() throws Exception {
    List<Declaration> all = DeclarationReader.readAll(Path.of("../data/customs/df_syn_train_eng.csv"),
        ColumnMapping.defaults(), new RejectFile(dir.resolve("rejects.csv")));
    rows = all.subList(0, 4000);
    prepared = RiskTraining.prepare(rows, Optional.empty());
    Files.writeString(dir.resolve("train.csv"), "stand-in for provenance hashing\n");
  }

  static ModelBundle train(org.riskgate.risk.Trainer trainer) throws Exception {
    return RiskTraining.fit(prepared, trainer, FeatureSet.IDENTITIES,
        new RiskTraining.Source(dir.resolve("train.csv"), 0, Optional.empty()));
  }

  static float[] head(int n) {
    return Arrays.copyOf(prepared.train().x(), n * prepared.train().cols());
  }

  @Test
  void aBundleRoundTripsWithTheSameScoresAndExplanations() throws Exception {
    ModelBundle bundle = train(new EntityNetTrainer(QUICK));
    bundle.save(dir.resolve("net"));
    ModelBundle loaded = ModelBundle.load(dir.resolve("net"));
    int w = prepared.train().cols();
    float[] x = head(300);
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
        FeatureSetOf.identities(prepared.train()), Optional.empty()).model();
    int w = model.net().inputs.cols;
    float[] x = FeatureSetOf.identities(prepared.train()).x();
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
    ModelBundle bundle = train(new EntityNetTrainer(QUICK));
    int w = prepared.train().cols();
    float[] x = head(50);
    float[][] c = bundle.model().contributions(x, 50, w, true).orElseThrow();
    List<Declaration> ordered = org.riskgate.risk.features.FeaturePipeline.fit(rows).walk(rows, (p, d, f) -> {});
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
    var data = FeatureSetOf.identities(prepared.train());
    float[] x = Arrays.copyOf(data.x(), 200 * data.cols());
    double[] a = new EntityNetTrainer(QUICK).train(data, Optional.empty()).model().score(x, 200, data.cols());
    double[] b = new EntityNetTrainer(QUICK).train(data, Optional.empty()).model().score(x, 200, data.cols());
    double[] other = new EntityNetTrainer(new NeuralOptions(2, 4, 512, 2e-3, 1e-4, 128, 12, 2, 7, 2))
        .train(data, Optional.empty()).model().score(x, 200, data.cols());
    assertThat(b).containsExactly(a);
    assertThat(other).isNotEqualTo(a);
  }
}
