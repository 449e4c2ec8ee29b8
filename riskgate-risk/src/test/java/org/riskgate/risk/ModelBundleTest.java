package org.riskgate.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskgate.risk.tribuo.TribuoTrainer;
import org.riskgate.risk.xgboost.RandomForestTrainer;
import org.riskgate.risk.xgboost.XGBoostOptions;
import org.riskgate.risk.xgboost.XGBoostTrainer;

class ModelBundleTest {
  static final XGBoostOptions QUICK = new XGBoostOptions(300, 30, 0.1, 5, 3, 0.8, 0.7, 2, 7);
  static RiskTraining.Prepared prepared;
  @TempDir static Path dir;

  @BeforeAll
  static void prepare() throws Exception {
    prepared = RiskTraining.prepare(PublicData.train(), Optional.empty());
    Files.writeString(dir.resolve("train.csv"), "stand-in for provenance hashing\n");
  }

  private static RiskTraining.Source source() {
    return new RiskTraining.Source(dir.resolve("train.csv"), 0, Optional.empty());
  }

  @Test
  void xgboostBundleRoundTripsAndScoresTheLaterPeriodWell() throws Exception {
    ModelBundle bundle = RiskTraining.fit(prepared, new XGBoostTrainer(QUICK), FeatureSet.ALL, source());
    bundle.save(dir.resolve("xgb"));
    ModelBundle loaded = ModelBundle.load(dir.resolve("xgb"));
    Evaluator.ModelEvaluation before = Evaluator.evaluate(bundle, PublicData.valid());
    Evaluator.ModelEvaluation after = Evaluator.evaluate(loaded, PublicData.valid());
    assertThat(after.scores()).containsExactly(before.scores());
    assertThat(loaded.provenance()).isEqualTo(bundle.provenance());
    assertThat(loaded.provenance().trainingNotes()).containsKeys("rounds", "best_iteration", "early_stopping_on");
    assertThat(loaded.provenance().periodFrom()).isEqualTo("2020-01-01");
    assertThat(loaded.provenance().trainingSha256()).hasSize(64);
    // far above chance on a period it never saw: the features carry real signal
    assertThat(after.metrics().auc()).isGreaterThan(0.8);
    assertThat(after.metrics().at(5).precision()).isGreaterThan(0.8);
  }

  @Test
  void aBlendRoundTripsAddsItsPartsInLogOddsAndExplainsExactly() throws Exception {
    ModelBundle bundle = RiskTraining.fit(prepared, new BlendTrainer(QUICK), FeatureSet.ALL, source());
    bundle.save(dir.resolve("blend"));
    ModelBundle loaded = ModelBundle.load(dir.resolve("blend"));
    int w = prepared.train().cols();
    int rows = 200;
    float[] x = java.util.Arrays.copyOf(prepared.train().x(), rows * w);
    double[] p = bundle.model().score(x, rows, w);
    assertThat(loaded.model().score(x, rows, w)).containsExactly(p);
    // the blend reads the model's columns (every feature but the parties' codes) of the pipeline's rows
    Blend blend = (Blend) ((ColumnSubset) bundle.model()).inner();
    java.util.List<String> modelColumns = FeatureSet.ALL.of(prepared.pipeline());
    assertThat(blend.parts()).extracting(Blend.Part::name).containsExactly("xgboost", "random-forest");
    assertThat(blend.parts().get(0).features()).isEqualTo(FeatureSet.DECLARATION.of(prepared.pipeline()));
    assertThat(blend.parts().get(1).features()).isEqualTo(modelColumns);
    int mw = modelColumns.size();
    float[] xm = new float[rows * mw];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < mw; j++) {
        xm[r * mw + j] = x[r * w + prepared.pipeline().names().indexOf(modelColumns.get(j))];
      }
    }
    double[] boosted = blend.parts().get(0).model().score(xm, rows, mw);
    double[] forest = blend.parts().get(1).model().score(xm, rows, mw);
    float[][] c = loaded.model().contributions(x, rows, w, false).orElseThrow();
    // every tree of every part; the cascade (CascadeTest) scores only the rows that may reach a lane so
    double[] full = blend.full().score(xm, rows, mw);
    for (int r = 0; r < rows; r++) {
      double margin = 0.6 * Blend.logit(boosted[r]) + 0.4 * Blend.logit(forest[r]);
      assertThat(Blend.logit(full[r])).as("row %d", r).isCloseTo(margin, org.assertj.core.data.Offset.offset(1e-9));
      double sum = 0;
      for (float v : c[r]) {
        sum += v;
      }
      assertThat(sum).as("contributions of row %d", r).isCloseTo(margin, org.assertj.core.data.Offset.offset(1e-3));
    }
    assertThat(loaded.provenance().trainer()).isEqualTo("blend");
    assertThat(loaded.provenance().parameters()).containsEntry("xgboost.weight", "0.6")
        .containsEntry("random-forest.features", "all");
    assertThat(loaded.provenance().trainingNotes()).containsKey("xgboost.rounds");
  }

  @Test
  void contributionsAddUpToTheLogOdds() throws Exception {
    ModelBundle bundle = RiskTraining.fit(prepared, new XGBoostTrainer(QUICK), FeatureSet.ALL, source());
    int w = prepared.train().cols();
    float[] x = java.util.Arrays.copyOf(prepared.train().x(), 5 * w);
    double[] p = bundle.model().score(x, 5, w);
    for (boolean exact : new boolean[] {true, false}) {
      float[][] c = bundle.model().contributions(x, 5, w, exact).orElseThrow();
      for (int r = 0; r < 5; r++) {
        double margin = 0;
        for (float v : c[r]) {
          margin += v;
        }
        assertThat(1 / (1 + Math.exp(-margin))).as("exact " + exact).isCloseTo(p[r], org.assertj.core.data.Offset.offset(1e-4));
      }
    }
  }

  /**
   * A model that learned from the declaration's own columns still takes whole rows, explains
   * nothing with the columns it never read, and keeps doing so after a round trip.
   */
  @Test
  void aModelOnPartOfTheFeaturesReadsWholeRows() throws Exception {
    for (Trainer t : java.util.List.of(new XGBoostTrainer(QUICK), TribuoTrainer.logisticRegression())) {
      ModelBundle b = RiskTraining.fit(prepared, t, FeatureSet.DECLARATION, source());
      assertThat(b.provenance().featureSet()).isEqualTo("declaration");
      assertThat(b.provenance().modelFeatures()).contains("tax_rate", "origin_code")
          .noneMatch(org.riskgate.risk.features.FeaturePipeline::fromHistory);
      b.save(dir.resolve("declaration-" + t.name()));
      ModelBundle loaded = ModelBundle.load(dir.resolve("declaration-" + t.name()));
      int w = prepared.train().cols();
      float[] x = java.util.Arrays.copyOf(prepared.train().x(), 20 * w);
      double[] p = loaded.model().score(x, 20, w);
      assertThat(p).containsExactly(b.model().score(x, 20, w));
      // history columns are not read: scrambling them changes nothing
      float[] scrambled = x.clone();
      int rate = prepared.pipeline().position("importer.fraud_rate");
      for (int r = 0; r < 20; r++) {
        scrambled[r * w + rate] = 1 - scrambled[r * w + rate];
      }
      assertThat(loaded.model().score(scrambled, 20, w)).containsExactly(p);
      loaded.model().contributions(x, 20, w, false).ifPresent(c -> {
        for (float[] row : c) {
          assertThat(row).hasSize(w + 1);
          assertThat(row[rate]).isZero();
        }
      });
    }
  }

  @Test
  void baselinesRoundTrip() throws Exception {
    for (Trainer t : java.util.List.of(TribuoTrainer.logisticRegression(), new RandomForestTrainer(20, 6, 2, 1))) {
      ModelBundle b = RiskTraining.fit(prepared, t, FeatureSet.ALL, source());
      b.save(dir.resolve(t.name()));
      ModelBundle loaded = ModelBundle.load(dir.resolve(t.name()));
      int w = prepared.train().cols();
      float[] x = java.util.Arrays.copyOf(prepared.train().x(), 50 * w);
      assertThat(loaded.model().score(x, 50, w)).containsExactly(b.model().score(x, 50, w));
      assertThat(loaded.model().kind()).isEqualTo(t.name());
    }
  }

  @Test
  void evaluationRefusesAPeriodThatOverlapsTraining() throws Exception {
    ModelBundle b = RiskTraining.fit(prepared, TribuoTrainer.logisticRegression(), FeatureSet.ALL, source());
    assertThatThrownBy(() -> Evaluator.evaluate(b, PublicData.train().subList(30_000, 31_000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("inside the training period");
  }

  @Test
  void loadingSomethingElseSaysWhatItIs() {
    assertThatThrownBy(() -> ModelBundle.load(dir.resolve("nothing-here")))
        .hasMessageContaining("is not a model bundle");
  }

  @Test
  void validationMustComeAfterTraining() {
    assertThatThrownBy(() -> RiskTraining.prepare(PublicData.valid(), Optional.of(PublicData.train())))
        .hasMessageContaining("must start after the training period");
  }
}
