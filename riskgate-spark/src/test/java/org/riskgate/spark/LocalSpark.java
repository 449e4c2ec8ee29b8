package org.riskgate.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.riskgate.core.Period;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationReader;
import org.riskgate.core.Reject;
import org.riskgate.core.RejectSink;
import org.riskgate.risk.FeatureSet;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.RiskTraining;
import org.riskgate.risk.xgboost.XGBoostOptions;
import org.riskgate.risk.xgboost.XGBoostTrainer;

/** One local[2] session for the test JVM, and the public data as CSV and as a lake. */
final class LocalSpark {
  static final Path TRAIN = Path.of("../data/customs/df_syn_train_eng.csv");
  static final Path VALID = Path.of("../data/customs/df_syn_valid_eng.csv");
  private static SparkSession spark;
  private static Path lake;
  private static Path bundle;
  /** Small and quick, but with every feature: the history matters to the comparisons. */
  static final XGBoostOptions SMALL = new XGBoostOptions(60, 10, 0.3, 6, 1, 0.8, 0.8, 2, 7);

  private LocalSpark() {}

  static synchronized SparkSession spark() {
    if (spark == null) {
      spark = SparkSessions.start("local[2]", "riskgate-tests", Map.of("spark.sql.shuffle.partitions", "4",
          "spark.default.parallelism", "4"));
    }
    return spark;
  }

  /**
   * The public training and validation files as a declaration lake, written with Spark in the
   * lake's layout: {@code LAKE/declarations/month=YYYY-MM/part-*.parquet}.
   */
  static synchronized Path lake() throws IOException {
    if (lake == null) {
      Path dir = Files.createTempDirectory("riskgate-lake-");
      Dataset<Row> all = csv(TRAIN).union(csv(VALID)).drop(DeclarationRows.SEQ);
      all.withColumn("month", date_format(col("date"), "yyyy-MM")).orderBy("date")
          .write().partitionBy("month").parquet(dir.resolve("declarations").toString());
      lake = dir;
    }
    return lake;
  }

  /** The months the trained bundles learn from: half of 2020 keeps the tests short. */
  static final Period TRAINING = Period.of(java.time.LocalDate.of(2020, 1, 1), java.time.LocalDate.of(2020, 6, 30));

  /**
   * A model bundle trained by riskgate on one machine on {@link #TRAINING}, as {@code riskgate
   * train --no-blend --features all}.
   */
  static synchronized Path singleMachineBundle() throws IOException {
    if (bundle == null) {
      List<Declaration> rows = read(TRAIN).stream().filter(d -> TRAINING.contains(d.date())).toList();
      RiskTraining.Prepared p = RiskTraining.prepare(rows, Optional.empty());
      ModelBundle b = RiskTraining.fit(p, new XGBoostTrainer(SMALL), FeatureSet.ALL,
          new RiskTraining.Source(TRAIN, 0, Optional.empty()));
      bundle = Files.createTempDirectory("riskgate-bundle-").resolve("model");
      b.save(bundle);
    }
    return bundle;
  }

  /** A CSV file as the Spark path reads it. */
  static Dataset<Row> csv(Path file) throws IOException {
    return csv(file, Period.ALL);
  }

  static Dataset<Row> csv(Path file, Period period) throws IOException {
    return DeclarationInput.read(spark(), file.toString(), ColumnMapping.defaults(), period, NO_REJECTS,
        Files.createTempDirectory("riskgate-staging-").toString());
  }

  /** The rows as riskgate's single-machine code sees them, in Spark's date and arrival order. */
  static List<Declaration> inOrder(Dataset<Row> rows) {
    return rows.orderBy("date", DeclarationRows.SEQ).collectAsList().stream().map(DeclarationRows::toDeclaration).toList();
  }

  static List<Declaration> read(Path file) {
    try {
      return DeclarationReader.readAll(file, ColumnMapping.defaults(), NO_REJECTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final RejectSink NO_REJECTS = new RejectSink() {
    @Override
    public void reject(Reject r) {
      throw new AssertionError("the public data has no bad rows: " + r.describe());
    }

    @Override
    public long count() {
      return 0;
    }
  };
}
