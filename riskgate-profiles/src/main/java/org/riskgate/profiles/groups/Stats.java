package org.riskgate.profiles.groups;

/** The few statistical functions the group search needs. */
final class Stats {
  private Stats() {}

  static final double Z95 = 1.959963984540054;

  /** Wilson score interval for k successes in n trials, {low, high}. */
  static double[] wilson(long k, long n, double z) {
    if (n == 0) {
      return new double[] {0, 1};
    }
    double p = k / (double) n;
    double z2 = z * z;
    double denom = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denom;
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }

  /** P(X ≥ k) for X ~ Binomial(n, p): the exact one-sided binomial test. */
  static double binomialUpperTail(long k, long n, double p) {
    if (k <= 0) {
      return 1;
    }
    if (k > n) {
      return 0;
    }
    if (p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return 1;
    }
    // P(X >= k) = I_p(k, n - k + 1), the regularised incomplete beta function.
    return regularizedBeta(p, k, n - k + 1.0);
  }

  /** One-sided p-value of a z statistic: P(Z ≥ z). */
  static double normalUpperTail(double z) {
    return 0.5 * erfc(z / Math.sqrt(2));
  }

  static double erfc(double x) {
    // Chebyshev fit (Numerical Recipes' erfcc), relative error below 1.2e-7 everywhere.
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double ans = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196
        + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398
        + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? ans : 2 - ans;
  }

  static double regularizedBeta(double x, double a, double b) {
    double logFront = logGamma(a + b) - logGamma(a) - logGamma(b)
        + a * Math.log(x) + b * Math.log1p(-x);
    // The continued fraction converges fast for x < (a + 1) / (a + b + 2); use symmetry otherwise.
    if (x < (a + 1) / (a + b + 2)) {
      return Math.exp(logFront) * betaFraction(x, a, b) / a;
    }
    return 1 - Math.exp(logFront) * betaFraction(1 - x, b, a) / b;
  }

  private static double betaFraction(double x, double a, double b) {
    double tiny = 1e-300;
    double qab = a + b;
    double qap = a + 1;
    double qam = a - 1;
    double c = 1;
    double d = 1 - qab * x / qap;
    d = Math.abs(d) < tiny ? tiny : d;
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= 10_000; m++) {
      int m2 = 2 * m;
      double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
      d = 1 + aa * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = 1 + aa / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      h *= d * c;
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
      d = 1 + aa * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = 1 + aa / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      double del = d * c;
      h *= del;
      if (Math.abs(del - 1) < 1e-14) {
        break;
      }
    }
    return h;
  }

  /** log Γ(x) for x > 0 (Lanczos, g = 7). */
  static double logGamma(double x) {
    double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
        9.9843695780195716e-6, 1.5056327351493116e-7};
    if (x < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    x -= 1;
    double a = c[0];
    double t = x + 7.5;
    for (int i = 1; i < 9; i++) {
      a += c[i] / (x + i);
    }
    return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
  }

  /** Benjamini-Hochberg adjusted p-values (q-values), aligned with the input. */
  static double[] benjaminiHochberg(double[] p) {
    int m = p.length;
    Integer[] idx = new Integer[m];
    for (int i = 0; i < m; i++) {
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, (a, b) -> Double.compare(p[a], p[b]));
    double[] q = new double[m];
    double running = 1;
    for (int r = m - 1; r >= 0; r--) {
      int i = idx[r];
      running = Math.min(running, p[i] * m / (r + 1));
      q[i] = running;
    }
    return q;
  }
}
