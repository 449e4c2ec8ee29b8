package org.riskgate.risk.xgboost;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.riskgate.risk.ModelException;
import org.riskgate.risk.RiskModel;

/**
 * A trained XGBoost booster (boosted trees, or a random forest in XGBoost's forest mode);
 * explains a score with exact SHAP values (TreeSHAP) or, for whole lanes, tree-path
 * contributions.
 */
public final class XGBoostModel implements RiskModel {
  static final String FILE = "model.ubj";
  private final Booster booster;
  private final String kind;
  private final TreePaths paths;
  /** Whether the Java walk gave XGBoost's own predictions; null until the first call checks. */
  private volatile Boolean walkAgrees;

  XGBoostModel(Booster booster, String kind) {
    this.booster = booster;
    this.kind = kind;
    this.paths = TreePaths.of(booster);
  }

  /** Boosted trees fitted elsewhere with XGBoost's own library (e.g. by xgboost4j-spark on a cluster). */
  public static XGBoostModel boosted(Booster booster) {
    return new XGBoostModel(booster, "xgboost");
  }

  /** Loads the booster saved in a bundle directory. */
  public static XGBoostModel load(Path bundleDir, String kind) throws IOException {
    try {
      return new XGBoostModel(XGBoost.loadModel(bundleDir.resolve(FILE).toString()), kind);
    } catch (XGBoostError e) {
      throw new IOException("cannot load XGBoost model from " + bundleDir.resolve(FILE) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String kind() {
    return kind;
  }

  /**
   * Probabilities from the trees walked in Java, in blocks on all cores: on 2 cores this took about
   * half the CPU of XGBoost's native prediction for the same sums. The first call checks the Java
   * walk against the native prediction on its first rows and keeps to native prediction if they
   * ever disagree (a model form the walk does not know).
   */
  @Override
  public double[] score(float[] x, int rows, int cols) {
    if (rows == 0) {
      return new double[0];
    }
    return walkAgrees(x, rows, cols) ? walk(x, rows, cols) : nativeScore(x, rows, cols);
  }

  /** Whether the Java walk gives the native prediction, checked on the first call's first rows. */
  private boolean walkAgrees(float[] x, int rows, int cols) {
    if (walkAgrees == null) {
      int probe = Math.min(rows, 512);
      double[] nativeScores = nativeScore(x, probe, cols);
      double[] walked = walk(x, probe, cols);
      boolean agrees = true;
      for (int i = 0; i < probe; i++) {
        agrees &= Math.abs(nativeScores[i] - walked[i]) < 1e-5;
      }
      walkAgrees = agrees;
    }
    return walkAgrees;
  }

  double[] walk(float[] x, int rows, int cols) {
    double[] out = new double[rows];
    int block = 1024;
    java.util.stream.IntStream.range(0, (rows + block - 1) / block).parallel()
        .forEach(b -> paths.margins(x, b * block, Math.min(rows, (b + 1) * block), cols, out));
    for (int i = 0; i < rows; i++) {
      out[i] = 1 / (1 + Math.exp(-out[i]));
    }
    return out;
  }

  /** How many trees the booster has (for a forest, every tree of every round). */
  public int trees() {
    return paths.trees();
  }

  /** The log-odds before any tree: where {@link #addTrees} sums start. */
  public double baseMargin() {
    return paths.baseMargin();
  }

  /**
   * Adds the leaves of trees {@code [firstTree, endTree)} to each row's sum in {@code sums}, on all
   * cores. Starting from {@link #baseMargin()}, the trees added in any ranges, in order, give
   * exactly (bit for bit) the log-odds {@link #score} walks, so a cascade can walk the first trees
   * for every row and the rest only for the rows that need them.
   *
   * @throws ModelException when the Java walk does not give XGBoost's own predictions for this
   *     model (see {@link #score}); the caller then scores the whole model instead
   */
  public void addTrees(float[] x, int rows, int cols, int firstTree, int endTree, double[] sums) {
    if (firstTree < 0 || endTree > trees() || firstTree > endTree || sums.length < rows) {
      throw new IllegalArgumentException("trees " + firstTree + ".." + endTree + " of a model of " + trees()
          + " for " + rows + " rows");
    }
    if (rows == 0) {
      return;
    }
    if (!walkAgrees(x, rows, cols)) {
      throw new ModelException("the tree walk does not reproduce XGBoost's prediction for this model");
    }
    int block = 1024;
    java.util.stream.IntStream.range(0, (rows + block - 1) / block).parallel()
        .forEach(b -> paths.addLeaves(x, b * block, Math.min(rows, (b + 1) * block), cols, firstTree, endTree, sums));
  }

  double[] nativeScore(float[] x, int rows, int cols) {
    try {
      float[][] p = booster.inplace_predict(x, rows, cols, Float.NaN);
      double[] out = new double[rows];
      for (int i = 0; i < rows; i++) {
        out[i] = p[i][0];
      }
      return out;
    } catch (XGBoostError e) {
      throw new ModelException("XGBoost prediction failed: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<float[][]> contributions(float[] x, int rows, int cols, boolean exact) {
    if (rows == 0) {
      return Optional.of(new float[0][]);
    }
    if (!exact) {
      return Optional.of(paths.contributions(x, rows, cols));
    }
    try {
      DMatrix m = new DMatrix(x, rows, cols, Float.NaN);
      try {
        return Optional.of(booster.predictContrib(m, 0));
      } finally {
        m.dispose();
      }
    } catch (XGBoostError e) {
      throw new ModelException("XGBoost SHAP contributions failed: " + e.getMessage(), e);
    }
  }

  /**
   * The leaf each row reaches in each tree (XGBoost's node id), {@code trees()} per row: the
   * trees' leaves as tokens for a model that reads them (riskgate-neural's tree attention).
   */
  public int[] leaves(float[] x, int rows, int cols) {
    try {
      DMatrix m = new DMatrix(x, rows, cols, Float.NaN);
      try {
        float[][] leaf = booster.predictLeaf(m, 0);
        int trees = rows == 0 ? 0 : leaf[0].length;
        int[] out = new int[rows * trees];
        for (int r = 0; r < rows; r++) {
          for (int t = 0; t < trees; t++) {
            out[r * trees + t] = (int) leaf[r][t];
          }
        }
        return out;
      } finally {
        m.dispose();
      }
    } catch (XGBoostError e) {
      throw new ModelException("XGBoost leaf prediction failed: " + e.getMessage(), e);
    }
  }

  /**
   * For each tree, each leaf's node id and the columns split on along the way to it (each once,
   * root first): what a leaf token says about the row, to explain a model that reads leaves.
   */
  public java.util.List<java.util.Map<Integer, int[]>> leafPaths() {
    try {
      java.util.List<java.util.Map<Integer, int[]>> out = new java.util.ArrayList<>();
      java.util.regex.Pattern node = java.util.regex.Pattern.compile(
          "^\\s*(\\d+):(?:\\[f(\\d+)[^\\]]*\\] yes=(\\d+),no=(\\d+)|leaf=)");
      for (String tree : booster.getModelDump("", false)) {
        java.util.Map<Integer, Integer> parent = new java.util.HashMap<>();
        java.util.Map<Integer, Integer> feature = new java.util.HashMap<>();
        java.util.List<Integer> leaves = new java.util.ArrayList<>();
        for (String line : tree.split("\\n")) {
          java.util.regex.Matcher m = node.matcher(line);
          if (!m.find()) {
            continue;
          }
          int id = Integer.parseInt(m.group(1));
          if (m.group(2) == null) {
            leaves.add(id);
          } else {
            feature.put(id, Integer.parseInt(m.group(2)));
            parent.put(Integer.parseInt(m.group(3)), id);
            parent.put(Integer.parseInt(m.group(4)), id);
          }
        }
        java.util.Map<Integer, int[]> paths = new java.util.HashMap<>();
        for (int leaf : leaves) {
          java.util.LinkedHashSet<Integer> on = new java.util.LinkedHashSet<>();
          for (Integer at = parent.get(leaf); at != null; at = parent.get(at)) {
            on.add(feature.get(at));
          }
          java.util.List<Integer> rootFirst = new java.util.ArrayList<>(on);
          java.util.Collections.reverse(rootFirst);
          paths.put(leaf, rootFirst.stream().mapToInt(Integer::intValue).toArray());
        }
        out.add(paths);
      }
      return out;
    } catch (XGBoostError e) {
      throw new ModelException("cannot read the XGBoost model's trees: " + e.getMessage(), e);
    }
  }

  @Override
  public void save(Path bundleDir) throws IOException {
    try {
      booster.saveModel(bundleDir.resolve(FILE).toString());
    } catch (XGBoostError e) {
      throw new IOException("cannot save XGBoost model: " + e.getMessage(), e);
    }
  }
}
