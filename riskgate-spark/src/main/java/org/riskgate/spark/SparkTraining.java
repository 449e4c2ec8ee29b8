package org.riskgate.spark;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.riskgate.core.Declaration;
import org.riskgate.risk.FeatureSet;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.RiskTraining;
import org.riskgate.risk.Trainer;
import org.riskgate.risk.features.FeaturePipeline;
import scala.Tuple2;

/**
 * Training from declarations held by Spark into riskgate's own model bundle: the point-in-time
 * features are computed on the cluster ({@link SparkFeatures}), the labelled rows' matrix comes
 * back in date order, and riskgate's trainer and {@link RiskTraining#fit} make the bundle exactly
 * as {@code riskgate train} does, provenance included.
 */
public final class SparkTraining {
  private SparkTraining() {}

  /**
   * Trains on {@code rows}; {@code valid}, when present, is a later period used for early
   * stopping, described from the history at the end of training as {@code riskgate train} does.
   */
  public static ModelBundle train(SparkSession spark, Dataset<Row> rows, Optional<Dataset<Row>> valid,
      Trainer trainer, FeatureSet set, RiskTraining.Source source) throws IOException {
    SparkFeatures.Walked walked = SparkFeatures.walk(spark, rows);
    FeaturePipeline pipeline = walked.pipeline();
    org.riskgate.risk.Dataset train = labelled(walked.rows(), pipeline);
    if (train.rows() == 0) {
      throw new IllegalArgumentException("training data has no inspection outcomes (Fraud column)");
    }
    Optional<org.riskgate.risk.Dataset> validSet = valid.map(v -> later(v, pipeline, walked.to()));
    long frauds = Math.round(train.positiveRate() * train.rows());
    RiskTraining.Prepared prepared = new RiskTraining.Prepared(pipeline, train, validSet, walked.from(),
        walked.to(), frauds);
    return RiskTraining.fit(prepared, trainer, set, source);
  }

  /** The labelled rows' features and labels, in date and arrival order, as the walk orders them. */
  private static org.riskgate.risk.Dataset labelled(JavaRDD<SparkFeatures.Described> rows, FeaturePipeline p) {
    JavaRDD<SparkFeatures.Described> known = rows.filter(d -> d.label() >= 0).cache();
    try {
      int n = Math.toIntExact(known.count());
      int w = p.width();
      float[] x = new float[n * w];
      float[] y = new float[n];
      Iterator<Tuple2<DaySeq, SparkFeatures.Described>> it = known
          .mapToPair(d -> new Tuple2<>(new DaySeq(d.date().toEpochDay(), d.seq()), d))
          .sortByKey(new ByDaySeq()).toLocalIterator();
      for (int r = 0; it.hasNext(); r++) {
        SparkFeatures.Described d = it.next()._2();
        System.arraycopy(d.x(), 0, x, r * w, w);
        y[r] = d.label();
      }
      return new org.riskgate.risk.Dataset(x, n, w, y, p.names());
    } finally {
      known.unpersist(false);
    }
  }

  /** A later labelled period, described from the history as it stood at the end of training. */
  static org.riskgate.risk.Dataset later(Dataset<Row> valid, FeaturePipeline p, LocalDate end) {
    List<Declaration> ds = valid.orderBy("date", DeclarationRows.SEQ).collectAsList().stream()
        .map(DeclarationRows::toDeclaration).filter(d -> d.outcome().isPresent()).toList();
    if (ds.stream().anyMatch(d -> !d.date().isAfter(end))) {
      throw new IllegalArgumentException("the validation period must start after the training period ends ("
          + end + "): train on the past, validate on the future");
    }
    float[] x = new float[ds.size() * p.width()];
    float[] y = new float[ds.size()];
    p.describe(ds, 0, ds.size(), x);
    for (int r = 0; r < ds.size(); r++) {
      y[r] = ds.get(r).isFraud() ? 1f : 0f;
    }
    return new org.riskgate.risk.Dataset(x, ds.size(), p.width(), y, p.names());
  }

  record DaySeq(long day, long seq) implements Serializable {}

  static final class ByDaySeq implements Comparator<DaySeq>, Serializable {
    @Override
    public int compare(DaySeq a, DaySeq b) {
      int c = Long.compare(a.day(), b.day());
      return c != 0 ? c : Long.compare(a.seq(), b.seq());
    }
  }
}
