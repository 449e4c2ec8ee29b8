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
 * A random forest baseline: one round of many deep trees grown in parallel on bootstrap-like row
 * samples with a third of the features per split, averaged (XGBoost's random-forest mode). Chosen
 * over Tribuo's CART forest, which took over two minutes on the 37 k training rows here against
 * seconds for this one, with the same kind of model.
 *
 * <p>Trees of depth 8 have at most 256 leaves, so beyond a million rows each leaf already rests
 * on thousands of them: above {@code maxRows} the forest learns from a random sample of that
 * many rows, which keeps its native matrix (8 bytes a value) and its time bounded whatever the
 * training period (docs/scale.md measures what it costs in accuracy).
 */
public final class RandomForestTrainer implements Trainer {
  private final int trees;
  private final int maxDepth;
  private final int threads;
  private final long seed;
  private final int maxRows;

  /** A forest that learns from every training row. */
  public RandomForestTrainer(int trees, int maxDepth, int threads, long seed) {
    this(trees, maxDepth, threads, seed, Integer.MAX_VALUE);
  }

  public RandomForestTrainer(int trees, int maxDepth, int threads, long seed, int maxRows) {
    if (trees < 1 || maxDepth < 1 || threads < 1 || maxRows < 1) {
      throw new IllegalArgumentException("trees, depth, threads and rows must be positive");
    }
    this.maxRows = maxRows;
    this.trees = trees;
    this.maxDepth = maxDepth;
    this.threads = threads;
    this.seed = seed;
  }

  @Override
  public String name() {
    return "random-forest";
  }

  private Map<String, Object> params() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("objective", "binary:logistic");
    p.put("tree_method", "hist");
    p.put("num_parallel_tree", trees);
    p.put("max_depth", maxDepth);
    p.put("subsample", 0.632);
    p.put("colsample_bynode", 0.33);
    p.put("eta", 1.0);
    p.put("lambda", 1e-5);
    p.put("min_child_weight", 1);
    p.put("nthread", threads);
    p.put("seed", seed);
    p.put("verbosity", 0);
    return p;
  }

  @Override
  public Map<String, String> parameters() {
    Map<String, String> out = new LinkedHashMap<>();
    params().forEach((k, v) -> out.put(k, String.valueOf(v)));
    if (maxRows < Integer.MAX_VALUE) {
      out.put("max_rows", Integer.toString(maxRows));
    }
    return out;
  }

  @Override
  public TrainedModel train(Dataset train, Optional<Dataset> valid) {
    Dataset rows = XGBoostTrainer.sample(train, maxRows, seed);
    try {
      DMatrix d = XGBoostTrainer.matrix(rows, rows.rows());
      Booster forest = XGBoost.train(d, params(), 1, Map.of(), null, null);
      d.dispose();
      return new TrainedModel(new XGBoostModel(forest, name()),
          Map.of("trees", Integer.toString(trees), "rows", Integer.toString(rows.rows())));
    } catch (XGBoostError e) {
      throw new ModelException("random forest training failed: " + e.getMessage(), e);
    }
  }
}
