package org.riskgate.neural;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.riskgate.risk.Dataset;
import org.riskgate.risk.features.ColumnMoments;
import org.riskgate.risk.features.FeaturePipeline;

/**
 * How a model's feature columns become a network's inputs, fitted on the training rows. A code
 * column (a category, the HS code, a party) becomes an index into its own embedding table: the
 * values seen at least {@code minCount} times in training get 1 .. V, every other value, a
 * missing one included, shares 0, so a party first seen after training is a known "unknown" and
 * never an untrained random vector. A numeric column is standardised (NaN to the mean) and, when
 * training saw it missing, gets a 0/1 missing flag beside it.
 */
final class Inputs {
  /** Standardised values are clipped here: a few extreme prices must not swamp a layer. */
  static final float CLIP = 8;

  final int cols;
  final int[] codeColumns;
  /** Per code column: value (as an int) to index, 1 .. size; absent means 0. */
  final List<Map<Integer, Integer>> vocab;
  final int[] numericColumns;
  final float[] mean;
  final float[] sd;
  final boolean[] flagged;

  private Inputs(int cols, int[] codeColumns, List<Map<Integer, Integer>> vocab, int[] numericColumns,
      float[] mean, float[] sd, boolean[] flagged) {
    this.cols = cols;
    this.codeColumns = codeColumns;
    this.vocab = vocab;
    this.numericColumns = numericColumns;
    this.mean = mean;
    this.sd = sd;
    this.flagged = flagged;
  }

  static Inputs fit(Dataset d, int minCount) {
    List<Integer> codes = new ArrayList<>();
    List<Integer> numeric = new ArrayList<>();
    for (int c = 0; c < d.cols(); c++) {
      (FeaturePipeline.code(d.featureNames().get(c)) ? codes : numeric).add(c);
    }
    int[] cc = codes.stream().mapToInt(Integer::intValue).toArray();
    int[] nc = numeric.stream().mapToInt(Integer::intValue).toArray();
    List<Map<Integer, Integer>> vocab = new ArrayList<>();
    for (int c : cc) {
      Map<Integer, Integer> counts = new HashMap<>();
      for (int r = 0; r < d.rows(); r++) {
        float v = d.x()[r * d.cols() + c];
        if (!Float.isNaN(v)) {
          counts.merge((int) v, 1, Integer::sum);
        }
      }
      Map<Integer, Integer> index = new HashMap<>();
      // in value order, so that the indices do not depend on the hash map's iteration order
      counts.entrySet().stream().filter(e -> e.getValue() >= minCount).map(Map.Entry::getKey).sorted()
          .forEach(v -> index.put(v, index.size() + 1));
      vocab.add(index);
    }
    float[] mean = new float[nc.length];
    float[] sd = new float[nc.length];
    boolean[] flagged = new boolean[nc.length];
    for (int j = 0; j < nc.length; j++) {
      ColumnMoments c = ColumnMoments.of(d.x(), d.rows(), d.cols(), nc[j]);
      mean[j] = c.mean();
      sd[j] = c.sd();
      flagged[j] = c.missing();
    }
    return new Inputs(d.cols(), cc, vocab, nc, mean, sd, flagged);
  }

  /** Embedding table size of code column {@code i}: its values and the shared unknown. */
  int tableSize(int i) {
    return vocab.get(i).size() + 1;
  }

  /** Width of the numeric part: one per numeric column, plus one per missing flag. */
  int numericWidth() {
    int w = numericColumns.length;
    for (boolean f : flagged) {
      w += f ? 1 : 0;
    }
    return w;
  }

  /** For each numeric input, the model column it comes from. */
  int[] numericFeature() {
    int[] out = new int[numericWidth()];
    int k = 0;
    for (int j = 0; j < numericColumns.length; j++) {
      out[k++] = numericColumns[j];
      if (flagged[j]) {
        out[k++] = numericColumns[j];
      }
    }
    return out;
  }

  /** Rows of all code columns' tables stacked in one: column i's rows start at {@code offset(i)}. */
  int tableRows() {
    int n = 0;
    for (int i = 0; i < codeColumns.length; i++) {
      n += tableSize(i);
    }
    return n;
  }

  /**
   * Rows of the stacked table for rows [from, to), row-major, one per code column: one lookup
   * for every category of a batch, where a table per column made a dozen native calls.
   */
  long[] codes(float[] x, int from, int to) {
    int c = codeColumns.length;
    long[] out = new long[(to - from) * c];
    int offset = 0;
    for (int i = 0; i < c; i++) {
      Map<Integer, Integer> v = vocab.get(i);
      for (int r = from; r < to; r++) {
        float f = x[r * cols + codeColumns[i]];
        out[(r - from) * c + i] = offset + (Float.isNaN(f) ? 0 : v.getOrDefault((int) f, 0));
      }
      offset += tableSize(i);
    }
    return out;
  }

  /** The numeric inputs of rows [from, to), row-major, {@link #numericWidth()} per row. */
  float[] numeric(float[] x, int from, int to) {
    int w = numericWidth();
    float[] out = new float[(to - from) * w];
    for (int r = from; r < to; r++) {
      int k = (r - from) * w;
      for (int j = 0; j < numericColumns.length; j++) {
        float f = x[r * cols + numericColumns[j]];
        boolean missing = Float.isNaN(f);
        out[k++] = missing ? 0 : Math.max(-CLIP, Math.min(CLIP, (f - mean[j]) / sd[j]));
        if (flagged[j]) {
          out[k++] = missing ? 1 : 0;
        }
      }
    }
    return out;
  }

  void write(DataOutputStream out) throws IOException {
    out.writeInt(cols);
    out.writeInt(codeColumns.length);
    for (int i = 0; i < codeColumns.length; i++) {
      out.writeInt(codeColumns[i]);
      Map<Integer, Integer> v = vocab.get(i);
      out.writeInt(v.size());
      for (Map.Entry<Integer, Integer> e : v.entrySet()) {
        out.writeInt(e.getKey());
        out.writeInt(e.getValue());
      }
    }
    out.writeInt(numericColumns.length);
    for (int j = 0; j < numericColumns.length; j++) {
      out.writeInt(numericColumns[j]);
      out.writeFloat(mean[j]);
      out.writeFloat(sd[j]);
      out.writeBoolean(flagged[j]);
    }
  }

  static Inputs read(DataInputStream in) throws IOException {
    int cols = in.readInt();
    int[] cc = new int[in.readInt()];
    List<Map<Integer, Integer>> vocab = new ArrayList<>();
    for (int i = 0; i < cc.length; i++) {
      cc[i] = in.readInt();
      int n = in.readInt();
      Map<Integer, Integer> v = new HashMap<>(n * 2);
      for (int k = 0; k < n; k++) {
        v.put(in.readInt(), in.readInt());
      }
      vocab.add(v);
    }
    int n = in.readInt();
    int[] nc = new int[n];
    float[] mean = new float[n];
    float[] sd = new float[n];
    boolean[] flagged = new boolean[n];
    for (int j = 0; j < n; j++) {
      nc[j] = in.readInt();
      mean[j] = in.readFloat();
      sd[j] = in.readFloat();
      flagged[j] = in.readBoolean();
    }
    return new Inputs(cols, cc, vocab, nc, mean, sd, flagged);
  }
}
