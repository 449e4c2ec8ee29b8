package org.riskgate.risk.xgboost;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.riskgate.risk.Dataset;
import org.riskgate.risk.ModelException;
import org.riskgate.risk.Trainer;

/**
 * Gradient-boosted trees (XGBoost4J). Class imbalance is handled by weighting frauds by the
 * ratio of non-frauds to frauds. The number of rounds is chosen by early stopping on a later
 * period: the validation period when one is given, else the latest {@value #HOLDOUT_PERCENT} % of
 * the (time-ordered) training rows. The final model is then refitted on all training rows with
 * exactly that many rounds, so the saved booster holds no trees past the best one.
 */
public final class XGBoostTrainer implements Trainer {
  static final int HOLDOUT_PERCENT = 15;
  private final XGBoostOptions options;
  private final int maxRows;

  /** Boosted trees that learn from every training row. */
  public XGBoostTrainer(XGBoostOptions options) {
    this(options, Integer.MAX_VALUE);
  }

  /**
   * Boosted trees that learn from a random sample of {@code maxRows} rows when there are more:
   * the time to grow a tree grows with the rows, and on two cores a year or more of a large
   * administration's declarations would take hours (docs/scale.md).
   */
  public XGBoostTrainer(XGBoostOptions options, int maxRows) {
    if (maxRows < 1) {
      throw new IllegalArgumentException("rows must be positive");
    }
    this.options = options;
    this.maxRows = maxRows;
  }

  @Override
  public String name() {
    return "xgboost";
  }

  @Override
  public Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    options.params(0).forEach((k, v) -> p.put(k, String.valueOf(v)));
    p.remove("scale_pos_weight");
    p.put("scale_pos_weight", "negatives / positives of the training set");
    p.put("max_rounds", Integer.toString(options.maxRounds()));
    p.put("early_stopping_rounds", Integer.toString(options.earlyStoppingRounds()));
    if (maxRows < Integer.MAX_VALUE) {
      p.put("max_rows", Integer.toString(maxRows));
    }
    return p;
  }

  @Override
  public TrainedModel train(Dataset all, Optional<Dataset> valid) {
    Dataset train = sample(all, maxRows, options.seed());
    double pos = train.positiveRate();
    if (pos == 0 || pos == 1) {
      throw new IllegalArgumentException("training data needs both frauds and non-frauds");
    }
    Map<String, Object> params = options.params((1 - pos) / pos);
    try {
      int rounds = options.maxRounds();
      Map<String, String> notes = new LinkedHashMap<>();
      notes.put("scale_pos_weight", String.format(java.util.Locale.ROOT, "%.4f", (1 - pos) / pos));
      // One native matrix at a time, each built from the Java rows without a copy of them where
      // it can be: the probe's fit part is the training matrix's first rows.
      int fitRows = train.rows();
      Dataset stopPart;
      if (valid.isPresent()) {
        stopPart = valid.get();
        notes.put("early_stopping_on", "validation period");
      } else {
        fitRows = train.rows() - train.rows() * HOLDOUT_PERCENT / 100;
        stopPart = slice(train, fitRows, train.rows());
        notes.put("early_stopping_on", "latest " + HOLDOUT_PERCENT + " % of the training period");
      }
      {
        DMatrix dfit = matrix(train, fitRows);
        DMatrix dvalid = matrix(stopPart, stopPart.rows());
        Map<String, DMatrix> watches = new LinkedHashMap<>();
        watches.put("valid", dvalid);
        float[][] metrics = new float[1][options.maxRounds()];
        Booster probe = XGBoost.train(dfit, params, options.maxRounds(), watches, metrics, null,
            null, options.earlyStoppingRounds());
        rounds = bestIteration(probe, metrics[0]) + 1;
        notes.put("best_iteration", Integer.toString(rounds - 1));
        notes.put("early_stopping_auc", String.format(java.util.Locale.ROOT, "%.4f", metrics[0][rounds - 1]));
        probe.dispose();
        dvalid.dispose();
        dfit.dispose();
      }
      DMatrix dtrain = matrix(train, train.rows());
      Booster booster = XGBoost.train(dtrain, params, rounds, Map.of(), null, null);
      notes.put("rounds", Integer.toString(rounds));
      notes.put("rows", Integer.toString(train.rows()));
      dtrain.dispose();
      return new TrainedModel(new XGBoostModel(booster, name()), notes);
    } catch (XGBoostError e) {
      throw new ModelException("XGBoost training failed: " + e.getMessage(), e);
    }
  }

  private static int bestIteration(Booster probe, float[] metric) throws XGBoostError {
    String attr = probe.getAttr("best_iteration");
    if (attr != null) {
      return Integer.parseInt(attr);
    }
    int best = 0;
    for (int i = 1; i < metric.length; i++) {
      if (metric[i] > metric[best]) {
        best = i;
      }
    }
    return best;
  }

  private static Dataset slice(Dataset d, int from, int to) {
    float[] x = java.util.Arrays.copyOfRange(d.x(), from * d.cols(), to * d.cols());
    float[] y = java.util.Arrays.copyOfRange(d.labels(), from, to);
    return new Dataset(x, to - from, d.cols(), y, d.featureNames());
  }

  /** About {@code maxRows} rows of {@code d} drawn at random (seeded), in their order; {@code d} itself when it has no more. */
  static Dataset sample(Dataset d, int maxRows, long seed) {
    if (d.rows() <= maxRows) {
      return d;
    }
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    double p = (double) maxRows / d.rows();
    int[] keep = java.util.stream.IntStream.range(0, d.rows()).filter(r -> random.nextDouble() < p).toArray();
    float[] x = new float[keep.length * d.cols()];
    float[] y = new float[keep.length];
    for (int i = 0; i < keep.length; i++) {
      System.arraycopy(d.x(), keep[i] * d.cols(), x, i * d.cols(), d.cols());
      y[i] = d.labels()[keep[i]];
    }
    return new Dataset(x, keep.length, d.cols(), y, d.featureNames());
  }

  /** A native matrix of the first {@code rows} rows of {@code d}. */
  static DMatrix matrix(Dataset d, int rows) throws XGBoostError {
    DMatrix m = new DMatrix(d.x(), rows, d.cols(), Float.NaN);
    m.setLabel(rows == d.rows() ? d.labels() : java.util.Arrays.copyOf(d.labels(), rows));
    return m;
  }
}
