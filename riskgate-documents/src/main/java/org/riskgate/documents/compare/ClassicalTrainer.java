package org.riskgate.documents.compare;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.stream.IntStream;
import org.riskgate.documents.Kind;
import org.riskgate.documents.synth.Forgery;
import org.riskgate.documents.synth.Issuer;
import org.riskgate.documents.synth.SyntheticData;

/**
 * Fits the classical method's {@link ClassicalModel} on generated patches of training issuers
 * only: per issuer and kind, genuine impressions against the issuer's reference (label 1), and
 * skilled imitations and other issuers' items presented under it (label 0). Logistic regression
 * by Newton's method with a small ridge penalty on standardised features.
 */
public final class ClassicalTrainer {

  /**
   * Fitting parameters.
   *
   * @param seed generator seed (the issuer population is the evaluation's)
   * @param issuers issuers in the population; only the training three-fifths are used
   * @param genuinePerIssuer genuine patches per training issuer and kind
   * @param forgedPerIssuer skilled and (as many) other forgeries per training issuer and kind
   * @param ridge L2 penalty on the weights
   */
  public record Config(long seed, int issuers, int genuinePerIssuer, int forgedPerIssuer, double ridge) {
    /** The parameters of the shipped model. */
    public static Config defaults() {
      return new Config(7, 60, 8, 4, 1.0);
    }
  }

  /** Features and label of one patch. */
  record Sample(Kind kind, boolean dark, Forgery forgery, double[] x, int task, int index) {}

  private final PrintStream log;

  /** A trainer that reports progress on {@code log}. */
  public ClassicalTrainer(PrintStream log) {
    this.log = log;
  }

  /** Fits both kinds and writes {@code classical-model.properties} into {@code out}. */
  public ClassicalModel train(Config c, Path out) throws IOException {
    long t0 = System.nanoTime();
    SyntheticData data = new SyntheticData(c.seed(), c.issuers());
    List<Sample> samples = samples(data, data.issuers(Issuer.Split.TRAIN), c.genuinePerIssuer(), c.forgedPerIssuer(), c.seed());
    Map<String, ClassicalModel.Logistic> fitted = new java.util.HashMap<>();
    for (String part : ClassicalModel.parts()) {
      List<Sample> mine = samples.stream().filter(s -> ClassicalModel.part(s.kind(), s.dark()).equals(part)).toList();
      fitted.put(part, fit(mine, c.ridge()));
      log.printf(Locale.ROOT, "%s: %d samples (%d genuine), weights %s%n", part, mine.size(),
          mine.stream().filter(s -> s.forgery() == Forgery.GENUINE).count(), java.util.Arrays.toString(fitted.get(part).weight()));
    }
    ClassicalModel model = new ClassicalModel(fitted);
    Files.createDirectories(out);
    Properties p = new Properties();
    model.toProperties(p);
    try (Writer w = Files.newBufferedWriter(out.resolve("classical-model.properties"))) {
      p.store(w, String.format(Locale.ROOT,
          "logistic regression over InkAlignment features; written by: riskgate docs train-classical (seed %d, %d issuers, "
              + "training issuers only, %d genuine + %d skilled + %d other patches per issuer and kind, ridge %.2f, OpenCV %s, %s, %.0f s)",
          c.seed(), c.issuers(), c.genuinePerIssuer(), c.forgedPerIssuer(), c.forgedPerIssuer(), c.ridge(), OpenCv.load(),
          Instant.now(), (System.nanoTime() - t0) / 1e9));
    }
    return model;
  }

  /** Patches of the given issuers against their references, scored in parallel; deterministic. */
  static List<Sample> samples(SyntheticData data, List<Issuer> issuers, int genuine, int forged, long seed) {
    int per = genuine + 2 * forged;
    return IntStream.range(0, issuers.size() * Kind.values().length).parallel().boxed().flatMap(task -> {
      Issuer issuer = issuers.get(task / Kind.values().length);
      Kind kind = Kind.values()[task % Kind.values().length];
      Random refRng = new Random(issuer.id().hashCode() * 31L + seed + kind.ordinal());
      java.awt.image.BufferedImage refImage = data.reference(issuer, kind, refRng);
      float[] ref = ClassicalEmbedder.ink(refImage, new org.riskgate.documents.Box(0, 0, refImage.getWidth(), refImage.getHeight()), kind).encode();
      List<Sample> out = new ArrayList<>();
      Random rng = new Random(seed * 1_000_003L + task);
      for (int i = 0; i < per; i++) {
        Forgery f = i < genuine ? Forgery.GENUINE : i < genuine + forged ? Forgery.SKILLED : Forgery.OTHER;
        SyntheticData.Patch patch = data.patch(issuer, kind, f, rng);
        InkAlignment.Ink q = ClassicalEmbedder.ink(patch.image(), patch.box(), kind);
        out.add(new Sample(kind, q.dark(), f, ClassicalEmbedder.features(q.encode(), ref, kind), task, i));
      }
      return out.stream();
    }).toList();
  }

  /** Logistic regression of genuine (1) against forged (0) on standardised features. */
  static ClassicalModel.Logistic fit(List<Sample> samples, double ridge) {
    int n = InkAlignment.FEATURES.length;
    int m = samples.size();
    double[] mean = new double[n];
    double[] sd = new double[n];
    for (Sample s : samples) {
      for (int i = 0; i < n; i++) {
        mean[i] += s.x()[i] / m;
      }
    }
    for (Sample s : samples) {
      for (int i = 0; i < n; i++) {
        sd[i] += (s.x()[i] - mean[i]) * (s.x()[i] - mean[i]) / m;
      }
    }
    for (int i = 0; i < n; i++) {
      sd[i] = Math.max(1e-6, Math.sqrt(sd[i]));
    }
    // balance the classes: genuine and forged weigh the same in the loss
    long pos = samples.stream().filter(s -> s.forgery() == Forgery.GENUINE).count();
    double wPos = m / (2.0 * Math.max(1, pos));
    double wNeg = m / (2.0 * Math.max(1, m - pos));
    double[] beta = new double[n + 1];
    for (int iter = 0; iter < 50; iter++) {
      double[] grad = new double[n + 1];
      double[][] hess = new double[n + 1][n + 1];
      for (Sample s : samples) {
        double[] z = new double[n + 1];
        z[0] = 1;
        for (int i = 0; i < n; i++) {
          z[i + 1] = (s.x()[i] - mean[i]) / sd[i];
        }
        double eta = 0;
        for (int i = 0; i <= n; i++) {
          eta += beta[i] * z[i];
        }
        double p = 1 / (1 + Math.exp(-eta));
        double y = s.forgery() == Forgery.GENUINE ? 1 : 0;
        double w = y == 1 ? wPos : wNeg;
        for (int i = 0; i <= n; i++) {
          grad[i] += w * (y - p) * z[i];
          for (int j = 0; j <= n; j++) {
            hess[i][j] += w * p * (1 - p) * z[i] * z[j];
          }
        }
      }
      for (int i = 1; i <= n; i++) {
        grad[i] -= ridge * beta[i];
        hess[i][i] += ridge;
      }
      hess[0][0] += 1e-9;
      double[] step = solve(hess, grad);
      double norm = 0;
      for (int i = 0; i <= n; i++) {
        beta[i] += step[i];
        norm += step[i] * step[i];
      }
      if (norm < 1e-12) {
        break;
      }
    }
    double[] w = new double[n];
    System.arraycopy(beta, 1, w, 0, n);
    return new ClassicalModel.Logistic(mean, sd, w, beta[0]);
  }

  /** Solves {@code a x = b} by Gaussian elimination with partial pivoting (a small, positive definite system). */
  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = java.util.Arrays.copyOf(a[i], n + 1);
      m[i][n] = b[i];
    }
    for (int c = 0; c < n; c++) {
      int piv = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
          piv = r;
        }
      }
      double[] t = m[c];
      m[c] = m[piv];
      m[piv] = t;
      for (int r = c + 1; r < n; r++) {
        double f = m[r][c] / m[c][c];
        for (int k = c; k <= n; k++) {
          m[r][k] -= f * m[c][k];
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = m[r][n];
      for (int k = r + 1; k < n; k++) {
        s -= m[r][k] * x[k];
      }
      x[r] = s / m[r][r];
    }
    return x;
  }
}
