package org.riskgate.spark;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import ml.dmlc.xgboost4j.java.XGBoostError;
import ml.dmlc.xgboost4j.scala.Booster;
import ml.dmlc.xgboost4j.scala.spark.XGBoostClassificationModel;
import ml.dmlc.xgboost4j.scala.spark.XGBoostClassifier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.riskgate.risk.FeatureSet;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.RiskTraining;
import org.riskgate.risk.Trainer;
import org.riskgate.risk.features.FeaturePipeline;
import org.riskgate.risk.xgboost.XGBoostModel;
import org.riskgate.risk.xgboost.XGBoostOptions;
import org.riskgate.risk.xgboost.XGBoostTrainer;
import scala.Tuple2;

/**
 * XGBoost fitted across the cluster by xgboost4j-spark: each executor builds the native matrix of
 * the labelled rows it holds and the workers grow every tree together, so no JVM needs all the
 * rows (the driver holds the booster only) and every labelled row is learnt from — where the
 * driver's fit ({@link SparkTraining}) samples at most {@code riskgate train}'s cap.
 *
 * <p>The recipe is {@link XGBoostTrainer}'s: frauds weighted by non-frauds per fraud, rounds chosen
 * by early stopping on the later period given, else on the latest {@value #HOLDOUT_PERCENT} % of
 * the training rows in date and arrival order (the same rows as on one machine), then a refit on
 * every row with exactly that many rounds. Trees differ from one machine's (the workers' quantile
 * sketches are merged), so scores are close to, not equal to, {@code riskgate train}'s.
 */
final class SparkXGBoost {
  static final int HOLDOUT_PERCENT = 15;
  private static final String FEATURES = "features";
  private static final String LABEL = "label";
  /** One machine's parameters that do not apply to workers on Spark. */
  private static final java.util.Set<String> DRIVER_ONLY = java.util.Set.of("nthread", "verbose_eval");

  private SparkXGBoost() {}

  /** Trains XGBoost on the walked rows' features of {@code set} with {@code workers} xgboost workers. */
  static ModelBundle train(SparkSession spark, SparkFeatures.Walked walked, Optional<Dataset<Row>> valid,
      XGBoostOptions options, FeatureSet set, int workers, RiskTraining.Source source) throws IOException {
    FeaturePipeline pipeline = walked.pipeline();
    int[] columns = columns(pipeline, set);
    JavaRDD<SparkFeatures.Described> labelled = walked.rows().filter(d -> d.label() >= 0)
        .persist(StorageLevel.MEMORY_AND_DISK_SER());
    try {
      long rows = labelled.count();
      if (rows == 0) {
        throw new IllegalArgumentException("training data has no inspection outcomes (Fraud column)");
      }
      long frauds = labelled.filter(d -> d.label() == 1).count();
      if (frauds == 0 || frauds == rows) {
        throw new IllegalArgumentException("training data needs both frauds and non-frauds");
      }
      double weight = (double) (rows - frauds) / frauds;
      Map<String, String> notes = new LinkedHashMap<>();
      notes.put("scale_pos_weight", String.format(Locale.ROOT, "%.4f", weight));
      Dataset<Row> stopPart;
      Dataset<Row> fitPart;
      long validRows = 0;
      if (valid.isPresent()) {
        org.riskgate.risk.Dataset later = SparkTraining.later(valid.get(), pipeline, walked.to());
        validRows = later.rows();
        stopPart = frame(spark, JavaSparkContext.fromSparkContext(spark.sparkContext())
            .parallelize(rowsOf(later, columns)));
        fitPart = frame(spark, labelled.map(d -> row(d, columns)));
        notes.put("early_stopping_on", "validation period");
      } else {
        DaySeqCut cut = DaySeqCut.of(labelled, rows - rows * HOLDOUT_PERCENT / 100);
        fitPart = frame(spark, labelled.filter(cut::before).map(d -> row(d, columns)));
        stopPart = frame(spark, labelled.filter(d -> !cut.before(d)).map(d -> row(d, columns)));
        notes.put("early_stopping_on", "latest " + HOLDOUT_PERCENT + " % of the training period");
      }
      Map<String, Object> params = params(options, weight);
      XGBoostClassifier probing = classifier(params, workers, options.maxRounds());
      probing.setNumEarlyStoppingRounds(options.earlyStoppingRounds());
      probing.setEvalDataset(stopPart);
      XGBoostClassificationModel probe = probing.fit(fitPart);
      float[] history = validationHistory(probe);
      int rounds = bestIteration(probe.nativeBooster(), history) + 1;
      notes.put("best_iteration", Integer.toString(rounds - 1));
      if (history.length >= rounds) {
        notes.put("early_stopping_auc", String.format(Locale.ROOT, "%.4f", history[rounds - 1]));
      }
      XGBoostClassificationModel fitted = classifier(params, workers, rounds)
          .fit(frame(spark, labelled.map(d -> row(d, columns))));
      notes.put("rounds", Integer.toString(rounds));
      notes.put("rows", Long.toString(rows));
      notes.put("fit", "cluster: xgboost4j-spark, " + workers + " workers");
      Trainer.TrainedModel trained = new Trainer.TrainedModel(
          XGBoostModel.boosted(fitted.nativeBooster().booster()), notes);
      Map<String, String> parameters = new LinkedHashMap<>(new XGBoostTrainer(options).parameters());
      // what params() left to Spark: each worker's threads are its task's cores
      parameters.keySet().removeAll(DRIVER_ONLY);
      parameters.put("fit", "cluster");
      parameters.put("workers", Integer.toString(workers));
      return RiskTraining.bundle(new RiskTraining.Learnt(pipeline, walked.from(), walked.to(), rows, frauds, validRows),
          "xgboost", parameters, trained, set, source);
    } finally {
      labelled.unpersist(false);
    }
  }

  /**
   * The task slots of the cluster, xgboost's default number of workers: its training is a barrier
   * stage, which waits until every worker has a slot (Spark's default parallelism, 8 on this
   * machine, is a number of partitions, not of slots). From the master for local[N], else from
   * spark.cores.max or the executors' instances and cores; otherwise the caller must say.
   */
  static int slots(SparkSession spark) {
    org.apache.spark.SparkConf conf = spark.sparkContext().getConf();
    int taskCpus = conf.getInt("spark.task.cpus", 1);
    java.util.regex.Matcher local = java.util.regex.Pattern.compile("local(?:\\[(\\d+|\\*)(?:,\\d+)?])?")
        .matcher(spark.sparkContext().master());
    if (local.matches()) {
      String n = local.group(1);
      return n == null ? 1 : n.equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(n);
    }
    if (conf.contains("spark.cores.max")) {
      return Math.max(1, conf.getInt("spark.cores.max", 1) / taskCpus);
    }
    if (conf.contains("spark.executor.instances") && conf.contains("spark.executor.cores")) {
      return Math.max(1, conf.getInt("spark.executor.instances", 1) * conf.getInt("spark.executor.cores", 1) / taskCpus);
    }
    throw new IllegalArgumentException("cannot tell how many tasks the cluster runs at once: give --workers N"
        + " (at most the executors' cores; xgboost's training waits until all N run together)");
  }

  /** The pipeline columns of {@code set}, in the pipeline's order (the order the bundle reads them in). */
  private static int[] columns(FeaturePipeline pipeline, FeatureSet set) {
    List<String> used = set.of(pipeline);
    return used.stream().mapToInt(n -> pipeline.names().indexOf(n)).toArray();
  }

  private static Map<String, Object> params(XGBoostOptions options, double weight) {
    Map<String, Object> p = new LinkedHashMap<>(options.params(weight));
    // each xgboost worker is one Spark task, with the task's cores; the rest is the one-machine recipe
    p.keySet().removeAll(DRIVER_ONLY);
    return p;
  }

  @SuppressWarnings("unchecked")
  private static XGBoostClassifier classifier(Map<String, Object> params, int workers, int rounds) {
    scala.collection.immutable.Map<String, Object> scalaParams = (scala.collection.immutable.Map<String, Object>)
        scala.collection.immutable.Map$.MODULE$.from(scala.jdk.javaapi.CollectionConverters.asScala(params));
    XGBoostClassifier c = new XGBoostClassifier(scalaParams);
    c.setNumWorkers(workers);
    c.setNumRound(rounds);
    c.setMissing(Float.NaN);
    c.setFeaturesCol(FEATURES);
    c.setLabelCol(LABEL);
    return c;
  }

  /** The probe's validation metric per round (empty when xgboost4j-spark kept no summary). */
  private static float[] validationHistory(XGBoostClassificationModel probe) {
    if (probe.summary().isEmpty() || probe.summary().get().validationObjectiveHistory().isEmpty()) {
      return new float[0];
    }
    return probe.summary().get().validationObjectiveHistory().head()._2();
  }

  private static int bestIteration(Booster booster, float[] history) {
    try {
      String attr = booster.getAttr("best_iteration");
      if (attr != null) {
        return Integer.parseInt(attr);
      }
    } catch (XGBoostError e) {
      throw new IllegalStateException("cannot read the probe's best iteration: " + e.getMessage(), e);
    }
    int best = 0;
    for (int i = 1; i < history.length; i++) {
      if (history[i] > history[best]) {
        best = i;
      }
    }
    return best;
  }

  private static Dataset<Row> frame(SparkSession spark, JavaRDD<Row> rows) {
    StructType schema = new StructType()
        .add(FEATURES, SQLDataTypes.VectorType(), false)
        .add(LABEL, DataTypes.DoubleType, false);
    return spark.createDataFrame(rows, schema);
  }

  private static Row row(SparkFeatures.Described d, int[] columns) {
    double[] v = new double[columns.length];
    for (int i = 0; i < columns.length; i++) {
      v[i] = d.x()[columns[i]];
    }
    return RowFactory.create(Vectors.dense(v), (double) d.label());
  }

  private static List<Row> rowsOf(org.riskgate.risk.Dataset d, int[] columns) {
    List<Row> rows = new ArrayList<>(d.rows());
    for (int r = 0; r < d.rows(); r++) {
      double[] v = new double[columns.length];
      for (int i = 0; i < columns.length; i++) {
        v[i] = d.x()[r * d.cols() + columns[i]];
      }
      rows.add(RowFactory.create(Vectors.dense(v), (double) d.labels()[r]));
    }
    return rows;
  }

  /**
   * Where the first {@code keep} labelled rows in date and arrival order end: the day they end in
   * and, within it, the first arrival not kept. Found from per-day counts and the one day's
   * arrivals, without sorting the rows.
   */
  record DaySeqCut(long day, long firstSeqAfter) implements java.io.Serializable {
    static DaySeqCut of(JavaRDD<SparkFeatures.Described> rows, long keep) {
      Map<Long, Long> perDay = new java.util.TreeMap<>(rows.mapToPair(d -> new Tuple2<>(d.date().toEpochDay(), 1L))
          .reduceByKey(Long::sum).collectAsMap());
      long before = 0;
      for (Map.Entry<Long, Long> e : perDay.entrySet()) {
        if (before + e.getValue() > keep) {
          long day = e.getKey();
          long[] seqs = rows.filter(d -> d.date().toEpochDay() == day).map(SparkFeatures.Described::seq)
              .collect().stream().mapToLong(Long::longValue).sorted().toArray();
          return new DaySeqCut(day, seqs[(int) (keep - before)]);
        }
        before += e.getValue();
      }
      return new DaySeqCut(LocalDate.MAX.toEpochDay(), Long.MAX_VALUE);
    }

    boolean before(SparkFeatures.Described d) {
      long day = d.date().toEpochDay();
      return day < this.day || (day == this.day && d.seq() < firstSeqAfter);
    }
  }
}
