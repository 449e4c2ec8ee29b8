package org.riskgate.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The metrics a customs administration selects by: ROC AUC, average precision, and
 * Precision / Recall / Revenue at the top n % of declarations ranked by score.
 *
 * <p>Top n % means the first {@code ceil(rows × n / 100)} declarations by descending score; ties
 * keep input order, so the figures are deterministic.
 */
public final class RankingMetrics {
  /** The percentages the issue tracker and the paper report. */
  public static final double[] STANDARD_PERCENTS = {1, 2, 5, 10};

  private RankingMetrics() {}

  /**
   * Evaluates scores against outcomes.
   *
   * @param scores higher means riskier
   * @param fraud inspection outcome per declaration
   * @param taxAtStake tax at stake per declaration (counted for fraudulent ones only)
   */
  public static RankingEvaluation evaluate(
      double[] scores, boolean[] fraud, double[] taxAtStake, double... percents) {
    int n = scores.length;
    if (fraud.length != n || taxAtStake.length != n) {
      throw new IllegalArgumentException("scores, labels and tax must have the same length");
    }
    if (n == 0) {
      throw new IllegalArgumentException("nothing to evaluate: no labelled declarations");
    }
    Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]));
    long positives = 0;
    double totalRevenue = 0;
    for (int i = 0; i < n; i++) {
      if (fraud[i]) {
        positives++;
        totalRevenue += taxAtStake[i];
      }
    }
    List<AtPercent> at = new ArrayList<>();
    for (double p : percents) {
      int k = (int) Math.max(1, Math.ceil(n * p / 100.0 - 1e-9));
      int hits = 0;
      double caught = 0;
      for (int r = 0; r < k; r++) {
        int i = order[r];
        if (fraud[i]) {
          hits++;
          caught += taxAtStake[i];
        }
      }
      at.add(new AtPercent(p, k, hits / (double) k,
          positives == 0 ? 0 : hits / (double) positives,
          totalRevenue == 0 ? 0 : caught / totalRevenue));
    }
    return new RankingEvaluation(n, positives, auc(scores, fraud, order, positives),
        averagePrecision(scores, fraud, order, positives), at);
  }

  /** Visits the groups of tied scores in descending order: {@code (end, frauds, others)}. */
  private interface TieGroup {
    void accept(int end, long frauds, long others);
  }

  private static void tieGroups(double[] s, boolean[] y, Integer[] desc, TieGroup visit) {
    int r = 0;
    while (r < desc.length) {
      int end = r;
      long pos = 0;
      while (end < desc.length && s[desc[end]] == s[desc[r]]) {
        pos += y[desc[end]] ? 1 : 0;
        end++;
      }
      visit.accept(end, pos, end - r - pos);
      r = end;
    }
  }

  /** Mann-Whitney AUC with tied scores counted as half. */
  private static double auc(double[] s, boolean[] y, Integer[] desc, long positives) {
    long negatives = s.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    double[] pairs = {0};
    long[] negativesAbove = {0};
    tieGroups(s, y, desc, (end, pos, neg) -> {
      // each positive in this group beats the negatives ranked below it, and ties half
      pairs[0] += pos * (negatives - negativesAbove[0] - neg) + 0.5 * pos * neg;
      negativesAbove[0] += neg;
    });
    return pairs[0] / ((double) positives * negatives);
  }

  /** Average precision, treating each group of tied scores as one threshold. */
  private static double averagePrecision(double[] s, boolean[] y, Integer[] desc, long positives) {
    if (positives == 0) {
      return Double.NaN;
    }
    double[] ap = {0};
    long[] tp = {0};
    tieGroups(s, y, desc, (end, pos, neg) -> {
      tp[0] += pos;
      ap[0] += (pos / (double) positives) * (tp[0] / (double) end);
    });
    return ap[0];
  }
}
