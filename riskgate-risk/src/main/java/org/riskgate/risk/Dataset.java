package org.riskgate.risk;

import java.util.List;

/**
 * A dense feature matrix, row-major, rows in date order, with one label per row (1 fraud, 0 not).
 * Missing feature values are NaN.
 */
public record Dataset(float[] x, int rows, int cols, float[] labels, List<String> featureNames) {
  public Dataset {
    if (x.length != rows * cols || labels.length != rows || featureNames.size() != cols) {
      throw new IllegalArgumentException("matrix shape does not match: " + x.length + " values for "
          + rows + " × " + cols + ", " + labels.length + " labels, " + featureNames.size() + " names");
    }
    featureNames = List.copyOf(featureNames);
  }

  /** Share of rows labelled fraud. */
  public double positiveRate() {
    double p = 0;
    for (float l : labels) {
      p += l == 1f ? 1 : 0;
    }
    return rows == 0 ? 0 : p / rows;
  }
}
