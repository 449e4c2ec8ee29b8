package org.riskgate.risk.xgboost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
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

  static TreePaths of(Booster booster) {
    try {
      ObjectMapper json = new ObjectMapper();
      String[] dump = booster.getModelDump((String) null, true, "json");
      Tree[] trees = new Tree[dump.length];
      for (int t = 0; t < dump.length; t++) {
        trees[t] = parse(json.readTree(dump[t]));
      }
      JsonNode config = json.readTree(new String(booster.toByteArray("json"), StandardCharsets.UTF_8));
      String base = config.at("/learner/learner_model_param/base_score").asText("0.5").replace("[", "").replace("]", "");
      double p = Double.parseDouble(base);
      return new TreePaths(trees, Math.log(p / (1 - p)));
    } catch (XGBoostError | IOException e) {
      throw new ModelException("cannot read the trees of the XGBoost model: " + e.getMessage(), e);
    }
  }

  private static Tree parse(JsonNode root) {
    int max = 0;
    Deque<JsonNode> todo = new ArrayDeque<>();
    todo.push(root);
    java.util.List<JsonNode> all = new java.util.ArrayList<>();
    while (!todo.isEmpty()) {
      JsonNode n = todo.pop();
      all.add(n);
      max = Math.max(max, n.get("nodeid").asInt());
      n.path("children").forEach(todo::push);
    }
    int size = max + 1;
    int[] feature = new int[size];
    float[] threshold = new float[size];
    int[] yes = new int[size];
    int[] no = new int[size];
    int[] missing = new int[size];
    double[] value = new double[size];
    double[] cover = new double[size];
    Arrays.fill(feature, -1);
    for (JsonNode n : all) {
      int id = n.get("nodeid").asInt();
      cover[id] = n.get("cover").asDouble();
      if (n.has("leaf")) {
        value[id] = n.get("leaf").asDouble();
      } else {
        feature[id] = Integer.parseInt(n.get("split").asText().substring(1));
        threshold[id] = (float) n.get("split_condition").asDouble();
        yes[id] = n.get("yes").asInt();
        no[id] = n.get("no").asInt();
        missing[id] = n.get("missing").asInt();
      }
    }
    // an inner node's expected value is the cover-weighted mean of its children's; children
    // have larger ids than their parent, so one backward pass fills every node
    for (int id = size - 1; id >= 0; id--) {
      if (feature[id] >= 0) {
        value[id] = (cover[yes[id]] * value[yes[id]] + cover[no[id]] * value[no[id]])
            / (cover[yes[id]] + cover[no[id]]);
      }
    }
    return new Tree(feature, threshold, yes, no, missing, value);
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
