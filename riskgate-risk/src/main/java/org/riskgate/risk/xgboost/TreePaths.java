package org.riskgate.risk.xgboost;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.riskgate.risk.ModelException;

/**
 * Tree-path contributions (Saabas): walking a row down each tree, every split moves the expected
 * score from the parent's cover-weighted mean to the child's, and that move is credited to the
 * split's feature. This is what XGBoost computes with {@code approx_contribs}, which XGBoost4J
 * does not expose. It costs one walk per tree — microseconds — where exact TreeSHAP costs
 * milliseconds per row, which matters when a day's red and yellow lanes must all be explained.
 * Contributions plus the bias add up exactly to the row's log-odds, like SHAP values.
 */
final class TreePaths {
  /*
   * Every tree's nodes, one after another. A leaf points to itself and splits on nothing (its
   * threshold is NaN, so no value goes right), so a walk may take more steps than the leaf's depth
   * at no effect; every row then takes the same number of steps per tree, and a block of rows
   * walks a tree in lockstep without a branch the processor could mispredict.
   */
  private final int[] roots;
  private final int[] steps;
  private final int[] feature;
  private final float[] threshold;
  /** Whether a missing value goes to the "no" (right) child. */
  private final boolean[] missingRight;
  /** Children in pairs: yes (value below the threshold) at 2n, no at 2n + 1. */
  private final int[] children;
  private final double[] value;
  private final double bias;
  /** The log-odds before any tree: XGBoost's base score. */
  private final double baseMargin;
  private static final int BLOCK = 64;

  private record Tree(int[] feature, float[] threshold, int[] yes, int[] no, int[] missing, double[] value) {}

  private TreePaths(Tree[] trees, double baseMargin) {
    this.baseMargin = baseMargin;
    double rootSum = 0;
    for (Tree t : trees) {
      rootSum += t.value()[0];
    }
    this.bias = baseMargin + rootSum;
    roots = new int[trees.length];
    steps = new int[trees.length];
    int size = 0;
    for (int t = 0; t < trees.length; t++) {
      roots[t] = size;
      size += trees[t].feature().length;
    }
    feature = new int[size];
    threshold = new float[size];
    missingRight = new boolean[size];
    children = new int[2 * size];
    value = new double[size];
    for (int t = 0; t < trees.length; t++) {
      Tree tree = trees[t];
      int at = roots[t];
      for (int i = 0; i < tree.feature().length; i++) {
        int n = at + i;
        value[n] = tree.value()[i];
        if (tree.feature()[i] < 0) {
          threshold[n] = Float.NaN;
          children[2 * n] = n;
          children[2 * n + 1] = n;
        } else {
          feature[n] = tree.feature()[i];
          threshold[n] = tree.threshold()[i];
          missingRight[n] = tree.missing()[i] == tree.no()[i];
          children[2 * n] = at + tree.yes()[i];
          children[2 * n + 1] = at + tree.no()[i];
        }
      }
      steps[t] = depth(tree, 0);
    }
  }

  private static int depth(Tree t, int node) {
    return t.feature()[node] < 0 ? 0 : 1 + Math.max(depth(t, t.yes()[node]), depth(t, t.no()[node]));
  }

  /**
   * Reads the trees from the model's JSON form, whose node arrays stream in without building a
   * document: a few hundred deep trees took seconds through XGBoost's per-tree dump.
   */
  static TreePaths of(Booster booster) {
    try (JsonParser in = new JsonFactory().createParser(booster.toByteArray("json"))) {
      List<Tree> trees = new ArrayList<>();
      double baseScore = 0.5;
      while (in.nextToken() != null) {
        if (in.currentToken() != JsonToken.FIELD_NAME) {
          continue;
        }
        switch (in.currentName()) {
          case "trees" -> {
            in.nextToken();
            while (in.nextToken() == JsonToken.START_OBJECT) {
              trees.add(tree(in));
            }
          }
          case "base_score" -> {
            in.nextToken();
            baseScore = Double.parseDouble(in.getText().replace("[", "").replace("]", ""));
          }
          default -> { }
        }
      }
      if (trees.isEmpty()) {
        throw new ModelException("the XGBoost model has no trees");
      }
      return new TreePaths(trees.toArray(Tree[]::new), Math.log(baseScore / (1 - baseScore)));
    } catch (XGBoostError | IOException e) {
      throw new ModelException("cannot read the trees of the XGBoost model: " + e.getMessage(), e);
    }
  }

  /** One tree object of the model JSON, the parser on its START_OBJECT. */
  private static Tree tree(JsonParser in) throws IOException {
    double[] left = null;
    double[] right = null;
    double[] split = null;
    double[] condition = null;
    double[] defaultLeft = null;
    double[] hessian = null;
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String name = in.currentName();
      in.nextToken();
      switch (name) {
        case "left_children" -> left = numbers(in);
        case "right_children" -> right = numbers(in);
        case "split_indices" -> split = numbers(in);
        case "split_conditions" -> condition = numbers(in);
        case "default_left" -> defaultLeft = numbers(in);
        case "sum_hessian" -> hessian = numbers(in);
        case "categories_nodes" -> {
          if (numbers(in).length > 0) {
            throw new ModelException("the XGBoost model has categorical splits, which tree paths do not follow");
          }
        }
        default -> in.skipChildren();
      }
    }
    if (left == null || right == null || split == null || condition == null || defaultLeft == null || hessian == null) {
      throw new ModelException("a tree of the XGBoost model lacks its node arrays");
    }
    int size = left.length;
    int[] feature = new int[size];
    float[] threshold = new float[size];
    int[] yes = new int[size];
    int[] no = new int[size];
    int[] missing = new int[size];
    double[] value = new double[size];
    for (int id = 0; id < size; id++) {
      if (left[id] < 0) {
        feature[id] = -1;
        value[id] = condition[id];
      } else {
        feature[id] = (int) split[id];
        threshold[id] = (float) condition[id];
        yes[id] = (int) left[id];
        no[id] = (int) right[id];
        missing[id] = defaultLeft[id] != 0 ? yes[id] : no[id];
      }
    }
    // an inner node's expected value is the cover-weighted mean of its children's; children
    // have larger ids than their parent, so one backward pass fills every node
    for (int id = size - 1; id >= 0; id--) {
      if (feature[id] >= 0) {
        value[id] = (hessian[yes[id]] * value[yes[id]] + hessian[no[id]] * value[no[id]])
            / (hessian[yes[id]] + hessian[no[id]]);
      }
    }
    return new Tree(feature, threshold, yes, no, missing, value);
  }

  /** A JSON array of numbers (or booleans, as 1 and 0), the parser on its START_ARRAY. */
  private static double[] numbers(JsonParser in) throws IOException {
    double[] out = new double[64];
    int n = 0;
    for (JsonToken t = in.nextToken(); t != JsonToken.END_ARRAY; t = in.nextToken()) {
      if (n == out.length) {
        out = Arrays.copyOf(out, n * 2);
      }
      out[n++] = switch (t) {
        case VALUE_TRUE -> 1;
        case VALUE_FALSE -> 0;
        default -> in.getDoubleValue();
      };
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * The log-odds of rows {@code [from, to)} into {@code out}: the same sum of leaves XGBoost
   * predicts, walked in lockstep like the contributions.
   */
  void margins(float[] x, int from, int to, int cols, double[] out) {
    int[] at = new int[BLOCK];
    for (int start = from; start < to; start += BLOCK) {
      int n = Math.min(BLOCK, to - start);
      double[] sum = new double[n];
      Arrays.fill(sum, baseMargin);
      for (int t = 0; t < roots.length; t++) {
        Arrays.fill(at, 0, n, roots[t]);
        for (int step = 0; step < steps[t]; step++) {
          for (int r = 0; r < n; r++) {
            int node = at[r];
            float v = x[(start + r) * cols + feature[node]];
            boolean right = v >= threshold[node] | (v != v & missingRight[node]);
            at[r] = children[2 * node + (right ? 1 : 0)];
          }
        }
        for (int r = 0; r < n; r++) {
          sum[r] += value[at[r]];
        }
      }
      System.arraycopy(sum, 0, out, start, n);
    }
  }

  /** Contributions of each row, {@code cols + 1} values with the bias last. */
  float[][] contributions(float[] x, int rows, int cols) {
    float[][] out = new float[rows][cols + 1];
    double[] c = new double[BLOCK * cols];
    int[] at = new int[BLOCK];
    for (int from = 0; from < rows; from += BLOCK) {
      int n = Math.min(BLOCK, rows - from);
      Arrays.fill(c, 0);
      for (int t = 0; t < roots.length; t++) {
        Arrays.fill(at, 0, n, roots[t]);
        for (int step = 0; step < steps[t]; step++) {
          for (int r = 0; r < n; r++) {
            int node = at[r];
            int f = feature[node];
            float v = x[(from + r) * cols + f];
            boolean right = v >= threshold[node] | (v != v & missingRight[node]);
            int next = children[2 * node + (right ? 1 : 0)];
            c[r * cols + f] += value[next] - value[node];
            at[r] = next;
          }
        }
      }
      for (int r = 0; r < n; r++) {
        for (int i = 0; i < cols; i++) {
          out[from + r][i] = (float) c[r * cols + i];
        }
        out[from + r][cols] = (float) bias;
      }
    }
    return out;
  }
}
