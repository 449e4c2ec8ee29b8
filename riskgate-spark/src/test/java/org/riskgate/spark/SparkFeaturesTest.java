package org.riskgate.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.riskgate.core.Period;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.risk.features.FeaturePipeline;

/** Spark's point-in-time features are FeaturePipeline's, row for row. */
class SparkFeaturesTest {

  @Test
  void featuresOnSparkEqualTheWalkRowForRowAndSoDoesTheHistoryLeftBehind() throws Exception {
    // two months of the lake keep the test short; -Driskgate.spark.fullYear=true checks all of 2020
    Period period = Boolean.getBoolean("riskgate.spark.fullYear")
        ? Period.of(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31))
        : Period.of(LocalDate.of(2020, 5, 1), LocalDate.of(2020, 6, 30));
    Dataset<Row> rows = DeclarationInput.read(LocalSpark.spark(), LocalSpark.lake().toString(), ColumnMapping.defaults(),
        period, LocalSpark.NO_REJECTS,
        Files.createTempDirectory("unused").toString());
    List<Declaration> ordered = LocalSpark.inOrder(rows);
    FeaturePipeline single = FeaturePipeline.fit(ordered);
    FeaturePipeline.Walk walk = single.walk(ordered);

    SparkFeatures.Walked onSpark = SparkFeatures.walk(LocalSpark.spark(), rows);
    List<SparkFeatures.Described> described = onSpark.rows().collect().stream()
        .sorted(Comparator.comparing(SparkFeatures.Described::date).thenComparingLong(SparkFeatures.Described::seq))
        .toList();
    assertThat(described).hasSize(walk.rows());
    int w = single.width();
    int compared = 0;
    for (int r = 0; r < walk.rows(); r++) {
      float[] x = described.get(r).x();
      for (int f = 0; f < w; f++) {
        float expected = walk.matrix()[r * w + f];
        if (Float.isNaN(expected) != Float.isNaN(x[f]) || Math.abs(expected - x[f]) > 1e-9) {
          throw new AssertionError("row " + r + " (" + ordered.get(r).id() + ") " + single.names().get(f)
              + ": Spark " + x[f] + ", single machine " + expected);
        }
        compared++;
      }
    }
    assertThat(compared).isEqualTo(walk.rows() * w).isGreaterThan(100_000);
    System.out.printf("features compared: %d declarations x %d features (%s)%n", walk.rows(), w, period);
    assertThat(onSpark.from()).isEqualTo(ordered.get(0).date());
    assertThat(onSpark.to()).isEqualTo(ordered.get(ordered.size() - 1).date());

    // the history a bundle keeps describes later declarations as the single machine's does
    List<Declaration> later = LocalSpark.read(LocalSpark.VALID);
    float[] a = new float[later.size() * w];
    float[] b = new float[later.size() * w];
    onSpark.pipeline().describe(later, 0, later.size(), a);
    single.describe(later, 0, later.size(), b);
    assertThat(java.util.Arrays.mismatch(a, b)).isEqualTo(-1);
  }
}
