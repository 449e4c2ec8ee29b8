package org.riskgate.profiles.bench;

/**
 * A small L2-regularised logistic regression on standardised features, trained by full-batch
 * gradient descent with Adam steps: enough to compare feature sets fairly, nothing more.
 */
final class Logistic {
  private final double[] mean;
  private final double[] scale;
  private final double[] w;
  private double b;

  private Logistic(int d) {
    mean = new double[d];
    scale = new double[d];
    w = new double[d];
  }

  static Logistic train(double[][] x, boolean[] y, double l2, int epochs) {
    int n = x.length;
    int d = x[0].length;
    Logistic m = new Logistic(d);
    for (int j = 0; j < d; j++) {
      double s = 0;
      double s2 = 0;
      for (double[] row : x) {
        s += row[j];
        s2 += row[j] * row[j];
      }
      m.mean[j] = s / n;
      double var = s2 / n - m.mean[j] * m.mean[j];
      m.scale[j] = var > 1e-12 ? Math.sqrt(var) : 1;
    }
    double[][] z = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        z[i][j] = (x[i][j] - m.mean[j]) / m.scale[j];
      }
    }
    double[] mw = new double[d + 1];
    double[] vw = new double[d + 1];
    double lr = 0.05;
    for (int t = 1; t <= epochs; t++) {
      double[] g = new double[d + 1];
      for (int i = 0; i < n; i++) {
        double p = sigmoid(m.linear(z[i]));
        double err = p - (y[i] ? 1 : 0);
        for (int j = 0; j < d; j++) {
          g[j] += err * z[i][j];
        }
        g[d] += err;
      }
      for (int j = 0; j <= d; j++) {
        g[j] = g[j] / n + (j < d ? l2 * m.w[j] : 0);
        mw[j] = 0.9 * mw[j] + 0.1 * g[j];
        vw[j] = 0.999 * vw[j] + 0.001 * g[j] * g[j];
        double step = lr * (mw[j] / (1 - Math.pow(0.9, t))) / (Math.sqrt(vw[j] / (1 - Math.pow(0.999, t))) + 1e-8);
        if (j < d) {
          m.w[j] -= step;
        } else {
          m.b -= step;
        }
      }
    }
    return m;
  }

  private double linear(double[] z) {
    double s = b;
    for (int j = 0; j < z.length; j++) {
      s += w[j] * z[j];
    }
    return s;
  }

  double predict(double[] x) {
    double s = b;
    for (int j = 0; j < x.length; j++) {
      s += w[j] * (x[j] - mean[j]) / scale[j];
    }
    return sigmoid(s);
  }

  private static double sigmoid(double s) {
    return 1 / (1 + Math.exp(-s));
  }
}
