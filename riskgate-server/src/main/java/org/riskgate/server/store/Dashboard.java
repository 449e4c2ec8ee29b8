package org.riskgate.server.store;

import java.time.LocalDate;
import java.util.List;

/**
 * The figures behind the dashboard.
 *
 * @param laneMix decisions per day and lane
 * @param hits inspection results recorded per declaration day
 * @param drift the model score per day
 * @param ranked recorded results of the active model's decisions, highest score first, for
 *     precision at k
 * @param random recorded results of the random picks: the one hit rate no model or rule chose
 *     the sample of, so the unbiased estimate of fraud among red-lane candidates
 */
public record Dashboard(List<DayLanes> laneMix, List<DayHits> hits, List<DayScore> drift, List<Ranked> ranked,
    Totals random) {

  /** Inspections and frauds found among them. */
  public record Totals(long inspected, long frauds) {
    /** Frauds per inspection; NaN when none was inspected. */
    public double hitRate() {
      return inspected == 0 ? Double.NaN : frauds / (double) inspected;
    }
  }

  /** Every recorded inspection, whatever model decided it. */
  public Totals inspections() {
    return new Totals(hits.stream().mapToLong(DayHits::inspected).sum(), hits.stream().mapToLong(DayHits::frauds).sum());
  }

  /** Lane counts of one day. */
  public record DayLanes(LocalDate day, long red, long yellow, long green) {}

  /** Inspection results of one day. */
  public record DayHits(LocalDate day, long inspected, long frauds) {
    public double hitRate() {
      return inspected == 0 ? 0 : frauds / (double) inspected;
    }
  }

  /** Mean model score of one day's decisions. */
  public record DayScore(LocalDate day, double mean, long count) {}

  /** A recorded result with the score of its decision. */
  public record Ranked(String declarationId, double score, boolean fraud) {}

  /** Precision of the top {@code k} scores among recorded results; NaN when there are none. */
  public double precisionAt(int k) {
    int n = Math.min(k, ranked.size());
    if (n == 0) {
      return Double.NaN;
    }
    long hit = ranked.subList(0, n).stream().filter(Ranked::fraud).count();
    return hit / (double) n;
  }

  /** Share of recorded inspections that found fraud, over all days. */
  public double hitRate() {
    long inspected = hits.stream().mapToLong(DayHits::inspected).sum();
    long frauds = hits.stream().mapToLong(DayHits::frauds).sum();
    return inspected == 0 ? 0 : frauds / (double) inspected;
  }
}
