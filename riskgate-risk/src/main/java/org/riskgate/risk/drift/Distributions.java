package org.riskgate.risk.drift;

import java.util.Arrays;

/**
 * The two distances between a reference sample and a later one. Missing values (NaN) are a bin of
 * their own for PSI: a feature that stops being filled in has drifted as surely as one whose
 * values moved.
 */
final class Distributions {
  /**
   * Share given to an empty bin, so that PSI stays finite (the usual floor; a bin empty on one
   * side then counts as a share of 1 in 10,000).
   */
  static final double FLOOR = 1e-4;

  private Distributions() {}

  /** Population stability index: sum over bins of (actual − expected) × ln(actual / expected). */
  static double psi(double[] expected, double[] actual) {
    if (expected.length != actual.length) {
      throw new IllegalArgumentException("bins differ: " + expected.length + " and " + actual.length);
    }
    double psi = 0;
    for (int b = 0; b < expected.length; b++) {
      double e = Math.max(expected[b], FLOOR);
      double a = Math.max(actual[b], FLOOR);
      psi += (a - e) * Math.log(a / e);
    }
    return psi;
  }

  /**
   * Upper bin edges at the reference's quantiles: bin {@code j} holds values in {@code (edge[j-1],
   * edge[j]]}, the last bin everything above. Repeated edges (a feature with few distinct values)
   * collapse, so each value keeps a bin of its own.
   *
   * @param sorted the reference's non-missing values, ascending
   */
  static double[] edges(float[] sorted, int bins) {
    double[] edges = new double[Math.max(0, bins - 1)];
    int m = 0;
    for (int j = 1; j < bins && sorted.length > 0; j++) {
      double e = sorted[(int) Math.ceil(j * (double) sorted.length / bins) - 1];
      if (m == 0 || e > edges[m - 1]) {
        edges[m++] = e;
      }
    }
    return Arrays.copyOf(edges, m);
  }

  /** Shares of {@code values} in each bin of {@code edges}, and a last share for missing values. */
  static double[] shares(float[] values, double[] edges) {
    double[] shares = new double[edges.length + 2];
    for (float v : values) {
      if (Float.isNaN(v)) {
        shares[edges.length + 1]++;
      } else {
        int b = Arrays.binarySearch(edges, v);
        // binarySearch gives the edge's own index on a match (upper-inclusive) or -(insertion)-1
        shares[b >= 0 ? b : -b - 1]++;
      }
    }
    for (int b = 0; b < shares.length; b++) {
      shares[b] = values.length == 0 ? 0 : shares[b] / values.length;
    }
    return shares;
  }

  /**
   * Two-sample Kolmogorov–Smirnov statistic over the non-missing values: the largest gap between
   * the two empirical distribution functions; 0 when either side has no values.
   *
   * @param a ascending, without NaN
   * @param b ascending, without NaN
   */
  static double ks(float[] a, float[] b) {
    if (a.length == 0 || b.length == 0) {
      return 0;
    }
    int i = 0;
    int j = 0;
    double d = 0;
    while (i < a.length && j < b.length) {
      float x = Math.min(a[i], b[j]);
      while (i < a.length && a[i] == x) {
        i++;
      }
      while (j < b.length && b[j] == x) {
        j++;
      }
      d = Math.max(d, Math.abs(i / (double) a.length - j / (double) b.length));
    }
    return d;
  }

  /** The non-missing values of {@code values}, ascending. */
  static float[] sortedPresent(float[] values) {
    float[] out = new float[values.length];
    int m = 0;
    for (float v : values) {
      if (!Float.isNaN(v)) {
        out[m++] = v;
      }
    }
    out = Arrays.copyOf(out, m);
    Arrays.sort(out);
    return out;
  }
}
