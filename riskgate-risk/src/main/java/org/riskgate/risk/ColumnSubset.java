package org.riskgate.risk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A model that learned from some of the pipeline's columns, seen from the outside as one that
 * reads them all: rows come in whole, contributions go out whole (zero for columns it never
 * reads), so describing, scoring, explaining and rules need not know which columns it uses.
 */
final class ColumnSubset implements RiskModel {
  private final RiskModel inner;
  private final int[] columns;
  private final int width;

  /**
   * @param all the pipeline's feature names
   * @param used the names of the features the inner model reads, in its column order
   */
  ColumnSubset(RiskModel inner, List<String> all, List<String> used) {
    this.inner = inner;
    this.width = all.size();
    this.columns = used.stream().mapToInt(n -> {
      int i = all.indexOf(n);
      if (i < 0) {
        throw new IllegalArgumentException("the model reads a feature the pipeline does not have: " + n);
      }
      return i;
    }).toArray();
  }

  /** Keeps only the used columns of a data set, for training: the data set itself when it uses them all. */
  static Dataset select(Dataset d, List<String> used) {
    if (used.equals(d.featureNames())) {
      return d;
    }
    int[] cols = used.stream().mapToInt(n -> d.featureNames().indexOf(n)).toArray();
    return new Dataset(compact(d.x(), d.rows(), d.cols(), cols), d.rows(), cols.length, d.labels(), used);
  }

  private static float[] compact(float[] x, int rows, int cols, int[] keep) {
    float[] out = new float[rows * keep.length];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < keep.length; j++) {
        out[r * keep.length + j] = x[r * cols + keep[j]];
      }
    }
    return out;
  }

  /** The model that reads the used columns. */
  RiskModel inner() {
    return inner;
  }

  /** The used columns of whole rows, in the inner model's order. */
  float[] columnsOf(float[] x, int rows, int cols) {
    check(cols);
    return compact(x, rows, cols, columns);
  }

  @Override
  public String kind() {
    return inner.kind();
  }

  @Override
  public double[] score(float[] x, int rows, int cols) {
    check(cols);
    return inner.score(compact(x, rows, cols, columns), rows, columns.length);
  }

  @Override
  public Optional<float[][]> contributions(float[] x, int rows, int cols, boolean exact) {
    check(cols);
    return inner.contributions(compact(x, rows, cols, columns), rows, columns.length, exact).map(c -> {
      float[][] out = new float[rows][cols + 1];
      for (int r = 0; r < rows; r++) {
        for (int j = 0; j < columns.length; j++) {
          out[r][columns[j]] = c[r][j];
        }
        out[r][cols] = c[r][columns.length];
      }
      return out;
    });
  }

  private void check(int cols) {
    if (cols != width) {
      throw new IllegalArgumentException("rows have " + cols + " features; the pipeline has " + width);
    }
  }

  @Override
  public void save(Path bundleDir) throws IOException {
    inner.save(bundleDir);
  }

  @Override
  public String toString() {
    return inner + " on columns " + Arrays.toString(columns);
  }
}
