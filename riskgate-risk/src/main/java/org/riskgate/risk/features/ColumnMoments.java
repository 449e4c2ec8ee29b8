package org.riskgate.risk.features;

/**
 * Mean and standard deviation of one column of a row-major matrix over its non-missing values, for
 * standardising it: a column with no values or no spread gets a deviation of 1, so that it
 * standardises to its centred values rather than to infinities.
 */
public record ColumnMoments(float mean, float sd, boolean missing) {

  /** The moments of column {@code column} of the first {@code rows} rows of {@code x}, {@code cols} wide. */
  public static ColumnMoments of(float[] x, int rows, int cols, int column) {
    double s = 0;
    double s2 = 0;
    long n = 0;
    boolean missing = false;
    for (int r = 0; r < rows; r++) {
      float v = x[r * cols + column];
      if (Float.isNaN(v)) {
        missing = true;
      } else {
        s += v;
        s2 += (double) v * v;
        n++;
      }
    }
    double m = n == 0 ? 0 : s / n;
    double var = n == 0 ? 0 : Math.max(0, s2 / n - m * m);
    return new ColumnMoments((float) m, (float) (var < 1e-12 ? 1 : Math.sqrt(var)), missing);
  }
}
