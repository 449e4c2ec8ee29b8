package org.riskgate.server.loop;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.riskgate.core.InversePropensity;
import org.riskgate.core.NormalisedMetrics;
import org.riskgate.selectivity.Lane;

/**
 * Champion and challenger judged on the same declarations: those the champion decided while the
 * challenger shadow-scored them.
 *
 * <p>Labels exist only for inspected declarations, and the champion chose most of them, so each
 * model's selection (its top {@code percent} % of each day) is estimated by inverse propensity:
 * a red declaration picked by score was inspected for sure (propensity 1), a random pick with the
 * day's chance of being drawn (random picks ÷ declarations left after the picks by score), and a
 * declaration in another lane was not inspected as far as the estimate knows (a result recorded for
 * a yellow or green one has no known propensity, so it is left out). The random picks alone, being
 * a uniform sample, also rank both models without bias: Norm-Precision and Norm-Revenue there.
 *
 * <p>The verdict compares the unbiased estimates. The self-normalised ones are reported beside
 * them but not used: they leave out every declaration a model selects that nobody inspected, so on
 * the few random picks of a real month they judge a model by the picks it shares with the
 * champion. In {@code bench ChallengerReplay} (March 2021, 29 random picks) both models came out at
 * 1.000 self-normalised, while the unbiased estimates were 1.553 [-0.309, 3.414] for the champion
 * and 0.105 [0.046, 0.165] for a challenger trained on 144 results.
 *
 * @param rows declarations both models scored
 * @param randomPicksInspected random picks with a recorded result
 * @param champion the champion's estimate
 * @param challenger the challenger's estimate
 * @param worse whether the challenger's (unbiased) estimate of precision is below the champion's
 * @param verdict a sentence for the supervisor
 */
public record ChallengerEvaluation(String championId, String challengerId, double percent, int rows,
    int randomPicksInspected, Side champion, Side challenger, boolean worse, String verdict) {

  /**
   * One model's figures.
   *
   * @param precision inverse-propensity estimates (unbiased and self-normalised) of the precision of
   *     its top {@code percent} % per day
   * @param onRandomPicks its top {@code percent} % of the inspected random picks, normalised
   */
  public record Side(String bundleId, InversePropensity.Estimate precision, NormalisedMetrics.Figures onRandomPicks) {}

  /**
   * One declaration the champion decided and the challenger scored too, with its result if any.
   *
   * @param lane the champion's lane: the logging policy whose picks were inspected
   * @param randomPick whether the lane was a random pick
   * @param champion the champion's score
   * @param challenger the challenger's score
   * @param fraud the recorded result; empty when none is recorded (it is read for red ones only)
   * @param amount the revenue the result recorded
   */
  public record Row(String id, LocalDate date, String office, Lane lane, boolean randomPick, double champion,
      double challenger, Optional<Boolean> fraud, double amount) {
    public Row {
      java.util.Objects.requireNonNull(lane, "lane");
      java.util.Objects.requireNonNull(fraud, "fraud");
    }
  }

  /**
   * Judges both models on the rows: the store's (the platform's shadow) or a file's (the
   * decisions {@code riskgate score} wrote beside the results recorded since).
   *
   * @throws IllegalArgumentException when no inspected random pick is among the rows: without one
   *     nothing the champion passed over has been seen, and no estimate can say the challenger is
   *     better
   */
  public static ChallengerEvaluation of(String championId, String challengerId, List<Row> rows,
      double percent) {
    List<Row> picks = rows.stream().filter(r -> r.randomPick() && r.fraud().isPresent()).toList();
    if (picks.isEmpty()) {
      throw new IllegalArgumentException("none of the " + rows.size() + " declarations the challenger shadow-scored"
          + " is a random pick with a recorded result yet: there is nothing unbiased to judge it on");
    }
    double[] propensity = propensities(rows);
    Side champion = side(championId, rows, propensity, Row::champion, picks, percent);
    Side challenger = side(challengerId, rows, propensity, Row::challenger, picks, percent);
    InversePropensity.Estimate a = challenger.precision();
    InversePropensity.Estimate b = champion.precision();
    boolean worse = a.value() < b.value();
    String verdict = String.format(java.util.Locale.ROOT,
        "challenger %.3f [%.3f, %.3f] against champion %.3f [%.3f, %.3f] (inverse-propensity estimates of the"
            + " precision of the top %s %% a day, 95 %% intervals, %d inspected random picks): %s",
        a.value(), a.low(), a.high(), b.value(), b.low(), b.high(),
        percent, picks.size(), worse ? "worse, not promotable"
            : a.clearlyAbove(b) ? "better" : "not worse (intervals overlap)");
    return new ChallengerEvaluation(championId, challengerId, percent, rows.size(), picks.size(), champion,
        challenger, worse, verdict);
  }

  private static Side side(String id, List<Row> rows, double[] propensity,
      ToDoubleFunction<Row> score, List<Row> picks, double percent) {
    int n = rows.size();
    boolean[] policy = topPerDay(rows, score, percent);
    boolean[] inspected = new boolean[n];
    double[] outcome = new double[n];
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      inspected[i] = r.fraud().isPresent() && r.lane() == Lane.RED;
      outcome[i] = r.fraud().orElse(false) ? 1 : 0;
    }
    InversePropensity.Estimate e = InversePropensity.estimate(policy, inspected, propensity, outcome);
    double[] s = picks.stream().mapToDouble(score).toArray();
    boolean[] fraud = new boolean[picks.size()];
    double[] amount = new double[picks.size()];
    for (int i = 0; i < picks.size(); i++) {
      fraud[i] = picks.get(i).fraud().orElseThrow();
      amount[i] = picks.get(i).amount();
    }
    return new Side(id, e, NormalisedMetrics.of(NormalisedMetrics.top(s, percent), fraud, amount));
  }

  /** Each day's top {@code percent} % by {@code score}. */
  private static boolean[] topPerDay(List<Row> rows, ToDoubleFunction<Row> score,
      double percent) {
    boolean[] chosen = new boolean[rows.size()];
    for (List<Integer> day : byDay(rows).values()) {
      double[] s = day.stream().mapToDouble(i -> score.applyAsDouble(rows.get(i))).toArray();
      boolean[] top = NormalisedMetrics.top(s, percent);
      for (int k = 0; k < day.size(); k++) {
        chosen[day.get(k)] = top[k];
      }
    }
    return chosen;
  }

  /**
   * The chance each inspected declaration had of being inspected: 1 for a red one picked by score
   * (or forced by a rule), for a random pick the day's random picks over the declarations left once
   * the picks by score were made.
   */
  static double[] propensities(List<Row> rows) {
    double[] p = new double[rows.size()];
    for (List<Integer> day : byDay(rows).values()) {
      long byScore = day.stream().filter(i -> rows.get(i).lane() == Lane.RED && !rows.get(i).randomPick()).count();
      long random = day.stream().filter(i -> rows.get(i).randomPick()).count();
      double chance = random / (double) Math.max(1, day.size() - byScore);
      for (int i : day) {
        p[i] = rows.get(i).randomPick() ? chance : 1;
      }
    }
    return p;
  }

  private static Map<LocalDate, List<Integer>> byDay(List<Row> rows) {
    Map<LocalDate, List<Integer>> days = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      days.computeIfAbsent(rows.get(i).date(), k -> new ArrayList<>()).add(i);
    }
    days.values().forEach(l -> l.sort(Comparator.naturalOrder()));
    return days;
  }
}
