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
   * Every tree's nodes, one after another, each tree in breadth-first order with the two children
   * of a split side by side. A node is two ints at an even address: its "meta" (the feature, a flag
   * for "a missing value goes right", and the address of its first child relative to the tree's
   * root) and its threshold's bits. The second child is two ints after the first, so a step is
   * "child + (value >= threshold ? 2 : 0)" on one cache line, and the default model's 175,000 nodes
   * take 1.4 MB, within a core's second-level cache; with 16-byte nodes the walk took 12 % longer.
   *
   * A leaf points to itself and splits on nothing (its threshold is NaN, so no value goes right),
   * so a walk may take more steps than the leaf's depth at no effect; every row then takes the
   * same number of steps per tree, and a block of rows walks a tree in lockstep without a branch
   * the processor could mispredict.
   */
  private static final int FEATURE_BITS = 10;
  private static final int FEATURE = (1 << FEATURE_BITS) - 1;
  private static final int MISSING_RIGHT = 1 << FEATURE_BITS;
  private static final int CHILD_SHIFT = FEATURE_BITS + 1;
  private static final int MAX_TREE_NODES = 1 << (31 - CHILD_SHIFT);
  /** The address (index into {@link #nodes}) of each tree's root. */
  private final int[] roots;
  /** How many steps reach every leaf of each tree: its depth. */
  private final int[] steps;
  private final int[] nodes;
  /** The expected value at each node, at half its address. */
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
      roots[t] = 2 * size;
      size += trees[t].feature().length;
      if (trees[t].feature().length > MAX_TREE_NODES) {
        throw new ModelException("a tree of the XGBoost model has more than " + MAX_TREE_NODES + " nodes");
      }
    }
    nodes = new int[2 * size];
    value = new double[size];
    for (int t = 0; t < trees.length; t++) {
      lay(trees[t], roots[t]);
      steps[t] = depth(trees[t], 0);
    }
  }

  /** Writes a tree's nodes breadth-first from {@code root}, siblings side by side. */
  private void lay(Tree tree, int root) {
    int[] order = new int[tree.feature().length];
    int[] slot = new int[tree.feature().length];
    int placed = 1;
    for (int head = 0; head < placed; head++) {
      int id = order[head];
      if (tree.feature()[id] >= 0) {
        slot[tree.yes()[id]] = placed;
        order[placed++] = tree.yes()[id];
        slot[tree.no()[id]] = placed;
        order[placed++] = tree.no()[id];
      }
    }
    for (int id = 0; id < order.length; id++) {
      int at = root + 2 * slot[id];
      value[at >> 1] = tree.value()[id];
      int f = tree.feature()[id];
      if (f < 0) {
        nodes[at] = (at - root) << CHILD_SHIFT;
        nodes[at + 1] = Float.floatToRawIntBits(Float.NaN);
      } else {
        if (f > FEATURE) {
          throw new ModelException("the XGBoost model splits on feature " + f + "; tree paths know " + (FEATURE + 1));
        }
        int missingRight = tree.missing()[id] == tree.no()[id] ? MISSING_RIGHT : 0;
        nodes[at] = f | missingRight | (2 * slot[tree.yes()[id]] << CHILD_SHIFT);
        nodes[at + 1] = Float.floatToRawIntBits(tree.threshold()[id]);
      }
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
      Arrays.fill(out, start, Math.min(to, start + BLOCK), baseMargin);
    }
    addLeaves(x, from, to, cols, 0, roots.length, out);
  }

  /** The log-odds before any tree. */
  double baseMargin() {
    return baseMargin;
  }

  /** How many trees the model has. */
  int trees() {
    return roots.length;
  }

  /**
   * Adds the leaves of trees {@code [firstTree, endTree)} to {@code out[from, to)}: a part of
   * {@link #margins}, without the base margin, so a cascade can walk some trees for every row and
   * the rest for the rows that need them.
   */
  void addLeaves(float[] x, int from, int to, int cols, int firstTree, int endTree, double[] out) {
    for (int start = from; start < to; start += BLOCK) {
      int n = Math.min(BLOCK, to - start);
      double[] sum = Arrays.copyOfRange(out, start, start + n);
      for (int t = firstTree; t < endTree; t++) {
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
            a0 = next(a0, root, x, row);
            a1 = next(a1, root, x, row + cols);
            a2 = next(a2, root, x, row + 2 * cols);
            a3 = next(a3, root, x, row + 3 * cols);
            a4 = next(a4, root, x, row + 4 * cols);
            a5 = next(a5, root, x, row + 5 * cols);
            a6 = next(a6, root, x, row + 6 * cols);
            a7 = next(a7, root, x, row + 7 * cols);
          }
          sum[r] += value[a0 >> 1];
          sum[r + 1] += value[a1 >> 1];
          sum[r + 2] += value[a2 >> 1];
          sum[r + 3] += value[a3 >> 1];
          sum[r + 4] += value[a4 >> 1];
          sum[r + 5] += value[a5 >> 1];
          sum[r + 6] += value[a6 >> 1];
          sum[r + 7] += value[a7 >> 1];
        }
        for (; r < n; r++) {
          int a = root;
          for (int step = 0; step < depth; step++) {
            a = next(a, root, x, (start + r) * cols);
          }
          sum[r] += value[a >> 1];
        }
      }
      System.arraycopy(sum, 0, out, start, n);
    }
  }

  /** The node a row at {@code node} of the tree at {@code root} goes to: itself at a leaf. */
  private int next(int node, int root, float[] x, int row) {
    int meta = nodes[node];
    float v = x[row + (meta & FEATURE)];
    boolean right = v >= Float.intBitsToFloat(nodes[node + 1]) | (v != v & (meta & MISSING_RIGHT) != 0);
    return root + (meta >>> CHILD_SHIFT) + (right ? 2 : 0);
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
        int root = roots[t];
        Arrays.fill(at, 0, n, root);
        for (int step = 0; step < steps[t]; step++) {
          for (int r = 0; r < n; r++) {
            int node = at[r];
            int next = next(node, root, x, (from + r) * cols);
            c[r * cols + (nodes[node] & FEATURE)] += value[next >> 1] - value[node >> 1];
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
