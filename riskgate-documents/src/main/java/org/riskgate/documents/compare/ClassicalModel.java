package org.riskgate.documents.compare;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.riskgate.documents.Kind;

/**
 * The classical method's scoring: per kind, and for stamps apart for dark ink over printed text
 * (see {@link #part}), a logistic regression over the standardised {@link InkAlignment#FEATURES}, giving the
 * probability that a query is a genuine impression of the reference. Fitted on training issuers by {@link ClassicalTrainer} ({@code riskgate docs
 * train-classical}) and shipped as {@code classical-model.properties}.
 */
public final class ClassicalModel {

  /** Where the shipped model lives on the class path. */
  public static final String RESOURCE = "/org/riskgate/documents/classical-model.properties";

  /** One kind's regression: {@code logit = bias + sum(weight * (x - mean) / sd)}. */
  record Logistic(double[] mean, double[] sd, double[] weight, double bias) {
    Logistic {
      int n = InkAlignment.FEATURES.length;
      if (mean.length != n || sd.length != n || weight.length != n) {
        throw new IllegalArgumentException("a classical model needs " + n + " means, sds and weights");
      }
      mean = mean.clone();
      sd = sd.clone();
      weight = weight.clone();
    }

    double logit(double[] x) {
      double z = bias;
      for (int i = 0; i < x.length; i++) {
        z += weight[i] * (x[i] - mean[i]) / sd[i];
      }
      return z;
    }

    /** Probability 0..1 of a genuine impression. */
    double probability(double[] x) {
      return 1 / (1 + Math.exp(-logit(x)));
    }
  }

  private final Map<String, Logistic> parts;

  ClassicalModel(Map<String, Logistic> parts) {
    this.parts = Map.copyOf(parts);
    for (String part : parts()) {
      if (!this.parts.containsKey(part)) {
        throw new IllegalArgumentException("the classical model has no " + part + " part");
      }
    }
  }

  /**
   * The part that scores a comparison: {@code signature}; for stamps {@code stamp.text} when the
   * query's ink was measured by darkness and some of it lies outside the reference's outline
   * (printed text under a black stamp or on a photocopy, which stays in the map, so extra ink
   * means less), else {@code stamp.clean}. Signatures are not split: text rarely runs under them.
   */
  static String part(Kind kind, boolean dark, double[] features) {
    return switch (kind) {
      case STAMP -> dark && features[InkAlignment.OUTSIDE] > TEXT ? "stamp.text" : "stamp.clean";
      case SIGNATURE -> "signature";
    };
  }

  /** Share of the query's ink outside the reference's outline above which a dark stamp counts as over text. */
  static final double TEXT = 0.02;

  /** All part names. */
  static java.util.List<String> parts() {
    return java.util.List.of("stamp.clean", "stamp.text", "signature");
  }

  /** Probability 0..1 that a comparison with these features is of a genuine impression. */
  double probability(Kind kind, boolean dark, double[] features) {
    return parts.get(part(kind, dark, features)).probability(features);
  }

  Logistic of(String part) {
    return parts.get(part);
  }

  /** The shipped model. */
  public static ClassicalModel shipped() {
    try (InputStream in = ClassicalModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      Properties p = new Properties();
      p.load(in);
      return fromProperties(p);
    } catch (IOException e) {
      throw new UncheckedIOException(RESOURCE + " is unreadable", e);
    }
  }

  static ClassicalModel fromProperties(Properties p) {
    Map<String, Logistic> m = new java.util.HashMap<>();
    for (String k : parts()) {
      int n = InkAlignment.FEATURES.length;
      double[] mean = new double[n];
      double[] sd = new double[n];
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        String f = k + "." + InkAlignment.FEATURES[i];
        mean[i] = number(p, f + ".mean");
        sd[i] = number(p, f + ".sd");
        w[i] = number(p, f + ".weight");
      }
      m.put(k, new Logistic(mean, sd, w, number(p, k + ".bias")));
    }
    return new ClassicalModel(m);
  }

  void toProperties(Properties p) {
    for (String k : parts()) {
      Logistic l = parts.get(k);
      p.setProperty(k + ".bias", format(l.bias()));
      for (int i = 0; i < InkAlignment.FEATURES.length; i++) {
        String f = k + "." + InkAlignment.FEATURES[i];
        p.setProperty(f + ".mean", format(l.mean()[i]));
        p.setProperty(f + ".sd", format(l.sd()[i]));
        p.setProperty(f + ".weight", format(l.weight()[i]));
      }
    }
  }

  private static String format(double x) {
    return String.format(Locale.ROOT, "%.6g", x);
  }

  private static double number(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null) {
      throw new IllegalStateException("classical model: missing " + key);
    }
    return Double.parseDouble(v);
  }
}
