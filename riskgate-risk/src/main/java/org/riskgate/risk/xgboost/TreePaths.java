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
   *
   * A node is four ints side by side, so a step reads one cache line: the feature (with a flag
   * for "a missing value goes right"), the threshold's bits, the yes child (value below the
   * threshold) and the no child.
   */
  private static final int NODE = 4;
  private static final int MISSING_RIGHT = 1 << 30;
  private static final int FEATURE = MISSING_RIGHT - 1;
  private final int[] roots;
  private final int[] steps;
  private final int[] nodes;
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
    nodes = new int[NODE * size];
    value = new double[size];
    for (int t = 0; t < trees.length; t++) {
      Tree tree = trees[t];
      int at = roots[t];
      for (int i = 0; i < tree.feature().length; i++) {
        int n = at + i;
        value[n] = tree.value()[i];
        boolean leaf = tree.feature()[i] < 0;
        nodes[NODE * n] = leaf ? 0 : tree.feature()[i] | (tree.missing()[i] == tree.no()[i] ? MISSING_RIGHT : 0);
        nodes[NODE * n + 1] = Float.floatToRawIntBits(leaf ? Float.NaN : tree.threshold()[i]);
        nodes[NODE * n + 2] = leaf ? n : at + tree.yes()[i];
        nodes[NODE * n + 3] = leaf ? n : at + tree.no()[i];
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
    for (int start = from; start < to; start += BLOCK) {
      int n = Math.min(BLOCK, to - start);
      double[] sum = new double[n];
      Arrays.fill(sum, baseMargin);
      for (int t = 0; t < roots.length; t++) {
        int root = roots[t];
        int depth = steps[t];
        int r = 0;
        // eight rows at a time, their walks interleaved in registers: each step waits on the one
        // before, and eight independent walks keep the processor busy meanwhile (a third less
        // time than one row after another)
        for (; r + 8 <= n; r += 8) {
          int row = (start + r) * cols;
          int a0 = root;
          int a1 = root;
          int a2 = root;
          int a3 = root;
          int a4 = root;
          int a5 = root;
          int a6 = root;
          int a7 = root;
          for (int step = 0; step < depth; step++) {
            a0 = next(a0, x, row);
            a1 = next(a1, x, row + cols);
            a2 = next(a2, x, row + 2 * cols);
            a3 = next(a3, x, row + 3 * cols);
            a4 = next(a4, x, row + 4 * cols);
            a5 = next(a5, x, row + 5 * cols);
            a6 = next(a6, x, row + 6 * cols);
            a7 = next(a7, x, row + 7 * cols);
          }
          sum[r] += value[a0];
          sum[r + 1] += value[a1];
          sum[r + 2] += value[a2];
          sum[r + 3] += value[a3];
          sum[r + 4] += value[a4];
          sum[r + 5] += value[a5];
          sum[r + 6] += value[a6];
          sum[r + 7] += value[a7];
        }
        for (; r < n; r++) {
          int a = root;
          for (int step = 0; step < depth; step++) {
            a = next(a, x, (start + r) * cols);
          }
          sum[r] += value[a];
        }
      }
      System.arraycopy(sum, 0, out, start, n);
    }
  }

  /** The node a row at {@code node} goes to: itself at a leaf. */
  private int next(int node, float[] x, int row) {
    int b = NODE * node;
    int meta = nodes[b];
    float v = x[row + (meta & FEATURE)];
    boolean right = v >= Float.intBitsToFloat(nodes[b + 1]) | (v != v & (meta & MISSING_RIGHT) != 0);
    return nodes[b + 2 + (right ? 1 : 0)];
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
            int next = next(node, x, (from + r) * cols);
            c[r * cols + (nodes[NODE * node] & FEATURE)] += value[next] - value[node];
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
