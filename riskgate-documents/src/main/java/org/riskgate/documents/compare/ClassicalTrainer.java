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
import java.awt.image.BufferedImage;
import org.riskgate.documents.Detection;
import org.riskgate.documents.Kind;
import org.riskgate.documents.detect.InkDetector;
import org.riskgate.documents.synth.PageSample;
import org.riskgate.documents.synth.Truth;
import org.riskgate.documents.synth.Forgery;
import org.riskgate.documents.synth.Issuer;
import org.riskgate.documents.synth.SyntheticData;

/**
 * Fits the classical method's {@link ClassicalModel} on generated pages of training issuers
 * only, with the items the detector finds on them: genuine impressions against the issuer's
 * reference (label 1), skilled imitations and other issuers' items presented under it (label 0). Logistic regression
 * by Newton's method with a small ridge penalty on standardised features.
 */
public final class ClassicalTrainer {

  /**
   * Fitting parameters.
   *
   * @param seed generator seed (the issuer population is the evaluation's)
   * @param issuers issuers in the population; only the training three-fifths are used
   * @param pagesPerIssuer pages per training issuer (a third of each kind genuine, skilled, other)
   * @param ridge L2 penalty on the weights
   */
  public record Config(long seed, int issuers, int pagesPerIssuer, double ridge) {
    /** The parameters of the shipped model. */
    public static Config defaults() {
      return new Config(7, 60, 24, 1.0);
    }
  }

  /** Features and label of one patch. */
  record Sample(Kind kind, boolean dark, Forgery forgery, double[] x, int page) {}

  private final PrintStream log;

  /** A trainer that reports progress on {@code log}. */
  public ClassicalTrainer(PrintStream log) {
    this.log = log;
  }

  /** Fits both kinds and writes {@code classical-model.properties} into {@code out}. */
  public ClassicalModel train(Config c, Path out) throws IOException {
    long t0 = System.nanoTime();
    SyntheticData data = new SyntheticData(c.seed(), c.issuers());
    List<Sample> samples = samples(data, data.issuers(Issuer.Split.TRAIN), c.pagesPerIssuer(), c.seed());
    Map<String, ClassicalModel.Logistic> fitted = new java.util.HashMap<>();
    for (String part : ClassicalModel.parts()) {
      List<Sample> mine = samples.stream().filter(s -> ClassicalModel.part(s.kind(), s.dark(), s.x()).equals(part)).toList();
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
              + "training issuers only, %d pages per issuer, items found by the detector, ridge %.2f, OpenCV %s, %s, %.0f s)",
          c.seed(), c.issuers(), c.pagesPerIssuer(), c.ridge(), OpenCv.load(),
          Instant.now(), (System.nanoTime() - t0) / 1e9));
    }
    return model;
  }

  /**
   * Generated pages of the given issuers, each item found by the detector (as in the
   * evaluation), against the issuers' references; stamps and signatures cycle independently
   * through genuine, skilled and other. Scored in parallel; deterministic.
   */
  static List<Sample> samples(SyntheticData data, List<Issuer> issuers, int pagesPerIssuer, long seed) {
    InkDetector detector = new InkDetector();
    return IntStream.range(0, issuers.size() * pagesPerIssuer).parallel().boxed().flatMap(task -> {
      Issuer issuer = issuers.get(task / pagesPerIssuer);
      int j = task % pagesPerIssuer;
      Random rng = new Random(seed * 1_000_003L + task);
      Forgery stamp = Forgery.values()[j % 3];
      Forgery signature = Forgery.values()[(j + 1 + j / 3) % 3];
      PageSample page = data.page(issuer, stamp, signature, rng);
      Random refRng = new Random(issuer.id().hashCode() * 31L + seed);
      Map<Kind, float[]> refs = new java.util.EnumMap<>(Kind.class);
      for (Kind k : Kind.values()) {
        BufferedImage img = data.reference(issuer, k, refRng);
        refs.put(k, ClassicalEmbedder.referenceInk(img, k).encode());
      }
      List<Detection> found = detector.detect(page.image());
      List<Sample> out = new ArrayList<>();
      for (Truth t : page.truths()) {
        found.stream().filter(d -> d.kind() == t.kind() && d.box().iou(t.box()) >= 0.5).findFirst().ifPresent(d -> {
          InkAlignment.Ink q = ClassicalEmbedder.queryInk(page.image(), d.box(), t.kind());
          out.add(new Sample(t.kind(), q.dark(), t.forgery(), ClassicalEmbedder.features(q.encode(), refs.get(t.kind()), t.kind()), task));
        });
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
