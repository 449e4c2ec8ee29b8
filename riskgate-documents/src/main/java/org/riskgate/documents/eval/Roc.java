package org.riskgate.documents.eval;

import java.util.Arrays;

/**
 * ROC figures from scores where genuine items should score high and forgeries low.
 *
 * @param auc area under the ROC curve (probability a genuine outscores a forgery; ties count half)
 * @param eer equal error rate: where false acceptance equals false rejection
 * @param eerThreshold the score at the equal error rate; scores at or above it are accepted
 * @param genuine number of genuine scores
 * @param forged number of forgery scores
 */
public record Roc(double auc, double eer, double eerThreshold, int genuine, int forged) {

  /** Computes the figures; both arrays must be non-empty. */
  public static Roc of(double[] genuine, double[] forged) {
    if (genuine.length == 0 || forged.length == 0) {
      throw new IllegalArgumentException("need genuine and forged scores, got " + genuine.length + " and " + forged.length);
    }
    double wins = 0;
    for (double g : genuine) {
      for (double f : forged) {
        wins += g > f ? 1 : g == f ? 0.5 : 0;
      }
    }
    double auc = wins / ((double) genuine.length * forged.length);
    double[] all = new double[genuine.length + forged.length];
    System.arraycopy(genuine, 0, all, 0, genuine.length);
    System.arraycopy(forged, 0, all, genuine.length, forged.length);
    Arrays.sort(all);
    double bestGap = Double.MAX_VALUE;
    double eer = 1;
    double thr = all[0];
    // candidate thresholds: every score, plus one above the highest
    double[] cands = Arrays.copyOf(all, all.length + 1);
    cands[all.length] = all[all.length - 1] + 1e-9;
    for (double t : cands) {
      double frr = fractionBelow(genuine, t);
      double far = 1 - fractionBelow(forged, t);
      double gap = Math.abs(frr - far);
      if (gap < bestGap) {
        bestGap = gap;
        eer = (frr + far) / 2;
        thr = t;
      }
    }
    return new Roc(auc, eer, thr, genuine.length, forged.length);
  }

  private static double fractionBelow(double[] xs, double t) {
    int n = 0;
    for (double x : xs) {
      if (x < t) {
        n++;
      }
    }
    return (double) n / xs.length;
  }
}
