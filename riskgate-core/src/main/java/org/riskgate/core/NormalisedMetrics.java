package org.riskgate.core;

/**
 * Precision and revenue of a selection against the best any selection of the same size could have
 * done, as the customs-selection literature reports them (Norm-Precision@n %, Norm-Revenue@n %):
 * with few frauds in a period, a raw precision of 0.3 may be all there was to find.
 */
public final class NormalisedMetrics {
  private NormalisedMetrics() {}

  /**
   * Figures of one selection.
   *
   * @param selected declarations selected
   * @param frauds frauds among them
   * @param precision frauds / selected
   * @param recall frauds / all frauds of the period
   * @param revenue share of the period's fraud revenue that the selection caught
   * @param normPrecision frauds / min(selected, all frauds): 1 when no selection of that size finds more
   * @param normRevenue revenue caught / the most revenue a selection of that size could catch
   * @param counts the sums behind the shares, so that periods can be added up
   */
  public record Figures(int selected, int frauds, double precision, double recall, double revenue,
      double normPrecision, double normRevenue, Counts counts) {

    /** The figures of several periods' selections taken together (not an average of their shares). */
    public static Figures sum(java.util.List<Figures> parts) {
      Counts c = new Counts(0, 0, 0, 0, 0, 0, 0);
      for (Figures f : parts) {
        c = c.plus(f.counts());
      }
      return c.figures();
    }
  }

  /**
   * What a selection's figures are made of.
   *
   * @param positives frauds in the period
   * @param bestHits frauds the best selection of the same size holds: min(selected, positives)
   */
  public record Counts(long selected, long hits, long positives, long bestHits, double caught, double total,
      double bestRevenue) {
    Counts plus(Counts o) {
      return new Counts(selected + o.selected, hits + o.hits, positives + o.positives, bestHits + o.bestHits,
          caught + o.caught, total + o.total, bestRevenue + o.bestRevenue);
    }

    Figures figures() {
      return new Figures((int) selected, (int) hits, selected == 0 ? 0 : hits / (double) selected,
          positives == 0 ? 0 : hits / (double) positives, total == 0 ? 0 : caught / total,
          bestHits == 0 ? 0 : hits / (double) bestHits, bestRevenue == 0 ? 0 : caught / bestRevenue, this);
    }
  }

  /**
   * Judges a selection of a period.
   *
   * @param chosen whether each declaration of the period was selected
   * @param fraud the outcome of each
   * @param revenue the revenue a fraudulent declaration brings when caught (ignored for others)
   */
  public static Figures of(boolean[] chosen, boolean[] fraud, double[] revenue) {
    int n = chosen.length;
    if (fraud.length != n || revenue.length != n) {
      throw new IllegalArgumentException("chosen, fraud and revenue must have the same length");
    }
    int k = 0;
    int hits = 0;
    int positives = 0;
    double caught = 0;
    double total = 0;
    double[] fraudRevenue = new double[n];
    for (int i = 0; i < n; i++) {
      k += chosen[i] ? 1 : 0;
      if (fraud[i]) {
        fraudRevenue[positives++] = revenue[i];
        total += revenue[i];
        if (chosen[i]) {
          hits++;
          caught += revenue[i];
        }
      }
    }
    java.util.Arrays.sort(fraudRevenue, 0, positives);
    double best = 0;
    for (int r = 0; r < Math.min(k, positives); r++) {
      best += fraudRevenue[positives - 1 - r];
    }
    return new Counts(k, hits, positives, Math.min(k, positives), caught, total, best).figures();
  }

  /** The top {@code percent} % of a period by score (ties keep input order), as a selection. */
  public static boolean[] top(double[] scores, double percent) {
    int n = scores.length;
    int k = (int) Math.max(n == 0 ? 0 : 1, Math.ceil(n * percent / 100.0 - 1e-9));
    Integer[] order = java.util.stream.IntStream.range(0, n).boxed().toArray(Integer[]::new);
    java.util.Arrays.sort(order, java.util.Comparator.comparingDouble((Integer i) -> -scores[i]));
    boolean[] chosen = new boolean[n];
    for (int r = 0; r < Math.min(k, n); r++) {
      chosen[order[r]] = true;
    }
    return chosen;
  }
}
