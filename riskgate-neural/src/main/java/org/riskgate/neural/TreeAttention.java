package org.riskgate.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.riskgate.risk.xgboost.XGBoostModel;

/**
 * Attention over the leaves of a small boosted model, in the spirit of DATE (Kim et al., KDD
 * 2020; the idea only, written here from the paper's description). Each of the booster's trees
 * puts a row in one leaf; the leaf is a token with an embedding of its own. The importer's and
 * the HS code's embeddings make a query; the tokens are weighted by their match with it (a
 * softmax over the trees) and pooled, so the same leaf counts more for one importer and HS code
 * than for another. The pooled leaves, the two embeddings, their products and the standardised
 * numbers feed two ReLU layers, and two heads read the last one: the fraud log-odds and, trained
 * together with it, the tax a fraud puts at stake (0 for a clean row, log1p(tax) / 10 for a fraud).
 *
 * <p>Explanations: integrated gradients as for {@link EntityNet}; a leaf token's share goes in
 * equal parts to the columns its tree split on along the row's way to that leaf.
 */
final class TreeAttention extends Net {
  static final String KIND = "tree-attention";
  /** The revenue head's weight in the loss: enough to shape the last layer, not to lead it. */
  static final float REVENUE_WEIGHT = 0.5f;

  private final XGBoostModel booster;
  /** The columns of the model's rows that the booster reads, in its order. */
  private final int[] treeColumns;
  /** Per tree: leaf node id to token index (1 ..); 0 is a leaf never reached in training. */
  private final List<Map<Integer, Integer>> tokens;
  private final List<Map<Integer, int[]>> paths;
  private final int importer;
  private final int hs;
  private final int taxColumn;
  private final int width;
  private final int[] dimFeature;

  TreeAttention(Inputs inputs, Params params, XGBoostModel booster, int[] treeColumns,
      List<Map<Integer, Integer>> tokens, int importer, int hs, int taxColumn) {
    super(KIND, inputs, params);
    this.booster = booster;
    this.treeColumns = treeColumns;
    this.tokens = tokens;
    this.paths = booster.leafPaths();
    this.importer = importer;
    this.hs = hs;
    this.taxColumn = taxColumn;
    this.width = (int) params.get("embedding").getShape().get(1);
    int codes = inputs.codeColumns.length * width;
    int[] numeric = inputs.numericFeature();
    this.dimFeature = new int[codes + tokens.size() * width + numeric.length];
    for (int k = 0; k < codes; k++) {
      dimFeature[k] = inputs.codeColumns[k / width];
    }
    // a token's dimensions have no single column: attribute() hands them out along the leaf's path
    java.util.Arrays.fill(dimFeature, codes, codes + tokens.size() * width, -1);
    System.arraycopy(numeric, 0, dimFeature, codes + tokens.size() * width, numeric.length);
  }

  /** A new network over {@code booster}'s leaves, with seeded random weights. */
  static TreeAttention create(Inputs inputs, XGBoostModel booster, int[] treeColumns, float[] x, int rows,
      int taxColumn, NeuralOptions o, NDManager m, List<String> names) {
    int importer = codePosition(inputs, names, "importer_id");
    int hs = codePosition(inputs, names, "hs6_number");
    int[] leaves = booster.leaves(subset(x, 0, rows, inputs.cols, treeColumns), rows, treeColumns.length);
    int trees = booster.trees();
    List<Map<Integer, Integer>> tokens = new java.util.ArrayList<>();
    int next = 1;
    for (int t = 0; t < trees; t++) {
      java.util.TreeSet<Integer> seen = new java.util.TreeSet<>();
      for (int r = 0; r < rows; r++) {
        seen.add(leaves[r * trees + t]);
      }
      Map<Integer, Integer> index = new HashMap<>();
      for (int leaf : seen) {
        index.put(leaf, next++);
      }
      tokens.add(index);
    }
    Params p = new Params(m);
    SplittableRandom random = new SplittableRandom(o.seed());
    int d = o.embedding();
    p.embedding("embedding", inputs.tableRows(), d, random);
    p.embedding("tokens", next, d, random);
    p.glorot("wq", 2 * d, d, random);
    p.zeros("bq", d);
    EntityNet.addLayers(p, 5 * d + inputs.numericWidth(), o.hidden(), random);
    p.glorot("wr", o.hidden() / 2, 1, random);
    p.zeros("br", 1);
    return new TreeAttention(inputs, p, booster, treeColumns, tokens, importer, hs, taxColumn);
  }

  private static int codePosition(Inputs inputs, List<String> names, String name) {
    for (int i = 0; i < inputs.codeColumns.length; i++) {
      if (names.get(inputs.codeColumns[i]).equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("tree attention needs the " + name + " feature (train it on the identities "
        + "feature set)");
  }

  static float[] subset(float[] x, int from, int to, int cols, int[] keep) {
    float[] out = new float[(to - from) * keep.length];
    for (int r = from; r < to; r++) {
      for (int j = 0; j < keep.length; j++) {
        out[(r - from) * keep.length + j] = x[r * cols + keep[j]];
      }
    }
    return out;
  }

  /** Token indices of rows [from, to), {@code trees} per row. */
  private long[] tokenIds(float[] x, int from, int to) {
    int trees = tokens.size();
    int[] leaves = booster.leaves(subset(x, from, to, inputs.cols, treeColumns), to - from, treeColumns.length);
    long[] out = new long[leaves.length];
    for (int i = 0; i < leaves.length; i++) {
      out[i] = tokens.get(i % trees).getOrDefault(leaves[i], 0);
    }
    return out;
  }

  @Override
  NDArray encode(NDManager m, float[] x, int from, int to) {
    int n = to - from;
    NDArray idx = m.create(inputs.codes(x, from, to));
    NDArray codes = Embedding.embedding(idx, params.get("embedding"), SparseFormat.DENSE).singletonOrThrow()
        .reshape(n, -1);
    NDArray leaves = Embedding.embedding(m.create(tokenIds(x, from, to)), params.get("tokens"), SparseFormat.DENSE)
        .singletonOrThrow().reshape(n, -1);
    NDArray numbers = m.create(inputs.numeric(x, from, to), new Shape(n, inputs.numericWidth()));
    return NDArrays.concat(new NDList(codes, leaves, numbers), 1);
  }

  /** The last hidden layer, which both heads read. */
  private NDArray hidden(NDArray z) {
    long n = z.getShape().get(0);
    int c = inputs.codeColumns.length * width;
    int t = tokens.size() * width;
    NDArray codes = z.get(new NDIndex(":, 0:" + c)).reshape(n, inputs.codeColumns.length, width);
    NDArray leaves = z.get(new NDIndex(":, " + c + ":" + (c + t))).reshape(n, tokens.size(), width);
    NDArray numbers = z.get(new NDIndex(":, " + (c + t) + ":"));
    NDArray imp = codes.get(new NDIndex(":, " + importer + ", :"));
    NDArray hsCode = codes.get(new NDIndex(":, " + hs + ", :"));
    NDArray query = NDArrays.concat(new NDList(imp, hsCode), 1).matMul(params.get("wq")).add(params.get("bq")).tanh();
    NDArray weights = leaves.mul(query.expandDims(1)).sum(new int[] {2}).div(Math.sqrt(width)).softmax(1);
    NDArray pooled = leaves.mul(weights.expandDims(2)).sum(new int[] {1});
    NDArray in = NDArrays.concat(new NDList(pooled, imp, hsCode, pooled.mul(imp), pooled.mul(hsCode), numbers), 1);
    NDArray h = Activation.relu(in.matMul(params.get("w1")).add(params.get("b1")));
    return Activation.relu(h.matMul(params.get("w2")).add(params.get("b2")));
  }

  @Override
  NDArray logit(NDArray z) {
    return hidden(z).matMul(params.get("w3")).add(params.get("b3")).reshape(-1);
  }

  @Override
  NDArray loss(NDArray z, float[] x, int rows, NDArray fraud) {
    NDArray h = hidden(z);
    NDArray logit = h.matMul(params.get("w3")).add(params.get("b3")).reshape(-1);
    NDArray revenue = h.matMul(params.get("wr")).add(params.get("br")).reshape(-1);
    float[] target = new float[rows];
    float[] y = fraud.toFloatArray();
    for (int r = 0; r < rows; r++) {
      target[r] = y[r] * x[r * inputs.cols + taxColumn] / 10;
    }
    NDArray miss = revenue.sub(fraud.getManager().create(target));
    return logLoss(logit, fraud).add(miss.square().mean().mul(REVENUE_WEIGHT));
  }

  @Override
  int[] dimFeature() {
    return dimFeature;
  }

  @Override
  void attribute(float[] x, int from, int n, float[] dims, int d, float[][] out) {
    int trees = tokens.size();
    int start = inputs.codeColumns.length * width;
    int[] leaves = booster.leaves(subset(x, from, from + n, inputs.cols, treeColumns), n, treeColumns.length);
    for (int r = 0; r < n; r++) {
      float[] row = out[from + r];
      for (int k = 0; k < d; k++) {
        if (dimFeature[k] >= 0) {
          row[dimFeature[k]] += dims[r * d + k];
        }
      }
      for (int t = 0; t < trees; t++) {
        float share = 0;
        for (int k = start + t * width; k < start + (t + 1) * width; k++) {
          share += dims[r * d + k];
        }
        int[] on = paths.get(t).get(leaves[r * trees + t]);
        if (on == null || on.length == 0) {
          continue; // a stump: its leaf says nothing of any column, and its share stays in the bias
        }
        for (int f : on) {
          row[treeColumns[f]] += share / on.length;
        }
      }
    }
  }

  @Override
  void writeExtra(DataOutputStream out, Path dir) throws IOException {
    booster.save(dir);
    out.writeInt(treeColumns.length);
    for (int c : treeColumns) {
      out.writeInt(c);
    }
    out.writeInt(tokens.size());
    for (Map<Integer, Integer> t : tokens) {
      out.writeInt(t.size());
      for (Map.Entry<Integer, Integer> e : t.entrySet()) {
        out.writeInt(e.getKey());
        out.writeInt(e.getValue());
      }
    }
    out.writeInt(importer);
    out.writeInt(hs);
    out.writeInt(taxColumn);
  }

  static TreeAttention read(Inputs inputs, DataInputStream in, Path dir) throws IOException {
    XGBoostModel booster = XGBoostModel.load(dir, "xgboost");
    int[] cols = new int[in.readInt()];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = in.readInt();
    }
    int trees = in.readInt();
    List<Map<Integer, Integer>> tokens = new java.util.ArrayList<>();
    for (int t = 0; t < trees; t++) {
      int n = in.readInt();
      Map<Integer, Integer> index = new HashMap<>();
      for (int k = 0; k < n; k++) {
        index.put(in.readInt(), in.readInt());
      }
      tokens.add(index);
    }
    int importer = in.readInt();
    int hs = in.readInt();
    int tax = in.readInt();
    Params p = Params.read(in, Torch.manager(NeuralOptions.DEFAULT.threads()));
    return new TreeAttention(inputs, p, booster, cols, tokens, importer, hs, tax);
  }
}
