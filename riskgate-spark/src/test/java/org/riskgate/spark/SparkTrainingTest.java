package org.riskgate.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.riskgate.core.Declaration;
import org.riskgate.risk.FeatureSet;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.RiskTraining;
import org.riskgate.risk.xgboost.XGBoostTrainer;

/** A model trained on Spark is a riskgate bundle: it loads and scores as one trained on one machine. */
class SparkTrainingTest {

  @Test
  void trainedOnSparkSavedLoadedAndScoringAsTheSingleMachineModel() throws Exception {
    ModelBundle onSpark = SparkTraining.train(LocalSpark.spark(), LocalSpark.csv(LocalSpark.TRAIN, LocalSpark.TRAINING), Optional.empty(),
        new XGBoostTrainer(LocalSpark.SMALL), FeatureSet.ALL,
        new RiskTraining.Source(LocalSpark.TRAIN, 0, Optional.empty()));
    Path dir = Files.createTempDirectory("riskgate-spark-bundle-").resolve("model");
    onSpark.save(dir);
    ModelBundle loaded = ModelBundle.load(dir);
    ModelBundle single = ModelBundle.load(LocalSpark.singleMachineBundle());

    assertThat(loaded.provenance().trainer()).isEqualTo("xgboost");
    assertThat(loaded.provenance().trainingRows()).isEqualTo(single.provenance().trainingRows());
    assertThat(loaded.provenance().trainingFrauds()).isEqualTo(single.provenance().trainingFrauds());
    assertThat(loaded.provenance().trainingNotes()).isEqualTo(single.provenance().trainingNotes());
    assertThat(loaded.features().historyUntil()).isEqualTo(single.features().historyUntil());

    // the same matrix in the same order makes the same trees: 2021 scores agree
    List<Declaration> later = LocalSpark.read(LocalSpark.VALID);
    int w = loaded.features().width();
    float[] x = new float[later.size() * w];
    loaded.features().describe(later, 0, later.size(), x);
    double[] a = loaded.model().score(x, later.size(), w);
    single.features().describe(later, 0, later.size(), x);
    double[] b = single.model().score(x, later.size(), w);
    for (int i = 0; i < a.length; i++) {
      assertThat(a[i]).as(later.get(i).id()).isCloseTo(b[i], org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  @Test
  void fittedOnTheClusterFromEveryLabelledRowIntoABundleThatScoresAsWellAsTheDriversFit() throws Exception {
    ModelBundle onCluster = SparkXGBoost.train(LocalSpark.spark(),
        SparkFeatures.walk(LocalSpark.spark(), LocalSpark.csv(LocalSpark.TRAIN, LocalSpark.TRAINING)),
        Optional.empty(), LocalSpark.SMALL, FeatureSet.ALL, SparkXGBoost.slots(LocalSpark.spark()),
        new RiskTraining.Source(LocalSpark.TRAIN, 0, Optional.empty()));
    Path dir = Files.createTempDirectory("riskgate-spark-cluster-").resolve("model");
    onCluster.save(dir);
    ModelBundle loaded = ModelBundle.load(dir);
    ModelBundle single = ModelBundle.load(LocalSpark.singleMachineBundle());

    assertThat(loaded.provenance().trainer()).isEqualTo("xgboost");
    // local[2]: two slots, so two workers (not Spark's default parallelism of 8, which would never start)
    assertThat(loaded.provenance().parameters()).containsEntry("fit", "cluster").containsEntry("workers", "2")
        .doesNotContainKeys("nthread", "verbose_eval");
    assertThat(loaded.provenance().trainingRows()).isEqualTo(single.provenance().trainingRows());
    assertThat(loaded.provenance().trainingFrauds()).isEqualTo(single.provenance().trainingFrauds());
    assertThat(loaded.provenance().trainingNotes())
        .containsEntry("early_stopping_on", "latest 15 % of the training period")
        .containsEntry("scale_pos_weight", single.provenance().trainingNotes().get("scale_pos_weight"))
        .containsKey("best_iteration");
    assertThat(loaded.provenance().modelFeatures()).isEqualTo(single.provenance().modelFeatures());

    // other trees (the two workers' quantile sketches are merged), the same skill on the later period
    List<Declaration> later = LocalSpark.read(LocalSpark.VALID);
    assertThat(auc(loaded, later)).isCloseTo(auc(single, later), org.assertj.core.data.Offset.offset(0.01));
  }

  /** AUC of a bundle's scores on labelled rows. */
  static double auc(ModelBundle b, List<Declaration> rows) {
    int w = b.features().width();
    float[] x = new float[rows.size() * w];
    b.features().describe(rows, 0, rows.size(), x);
    double[] scores = b.model().score(x, rows.size(), w);
    boolean[] fraud = new boolean[rows.size()];
    for (int i = 0; i < fraud.length; i++) {
      fraud[i] = rows.get(i).isFraud();
    }
    return org.riskgate.core.RankingMetrics.evaluate(scores, fraud, new double[rows.size()], 5).auc();
  }
}
