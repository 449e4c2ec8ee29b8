package org.riskgate.selectivity.simulate;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.riskgate.core.Declaration;
import org.riskgate.core.NormalisedMetrics;
import java.nio.file.Path;
import java.util.Optional;
import org.riskgate.risk.FeatureSet;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.RiskTraining;
import org.riskgate.risk.Trainer;
import org.riskgate.risk.features.FeaturePipeline;

/**
 * Replays the weeks an {@link Oracle} holds, for each strategy on its own: score the week with the
 * strategy's current model, select under the capacity, inspect (only then are outcomes revealed),
 * add the week to the strategy's history and retrain on it. Every strategy starts from the same
 * model, trained on the labelled past.
 */
public final class Simulator {
  private Simulator() {}

  /** Trains a model on a history in which only revealed declarations carry outcomes. */
  @FunctionalInterface
  public interface Retrainer {
    ModelBundle train(List<Declaration> history) throws IOException;
  }

  /**
   * Retraining as {@code riskgate train} does it (the same preparation: features point-in-time over
   * the whole history, a model on the labelled rows), with the trainer given.
   *
   * @param data the file or lake the history was read from, for the bundles' provenance
   */
  public static Retrainer recipe(Trainer trainer, FeatureSet set, Path data) {
    return history -> RiskTraining.fit(RiskTraining.prepare(history, Optional.empty()), trainer, set,
        new RiskTraining.Source(data, 0, Optional.empty()));
  }

  /** Told after each simulated week of each strategy. */
  @FunctionalInterface
  public interface Progress {
    void weekDone(String strategy, LocalDate week);
  }

  /**
   * One strategy's week.
   *
   * @param share the exploration share it spent (chosen by the bandit for {@code adaptive})
   */
  public record Week(String strategy, LocalDate monday, int declarations, double share,
      NormalisedMetrics.Figures figures) {}

  /** Every strategy's weeks, strategies in the order given. */
  public record Result(List<String> strategies, List<Week> weeks) {
    public Result {
      strategies = List.copyOf(strategies);
      weeks = List.copyOf(weeks);
    }

    /** One strategy's figures over all its weeks. */
    public NormalisedMetrics.Figures overall(String strategy) {
      return NormalisedMetrics.Figures.sum(weeks.stream().filter(w -> w.strategy().equals(strategy))
          .map(Week::figures).toList());
    }

    /** The mean exploration share a strategy spent. */
    public double meanShare(String strategy) {
      return weeks.stream().filter(w -> w.strategy().equals(strategy)).mapToDouble(Week::share).average()
          .orElse(0);
    }
  }

  /**
   * Runs every strategy over every week.
   *
   * @param past labelled declarations before the first week: the first model's training data
   * @param seed seeds random picks and the bandit
   */
  public static Result run(List<Declaration> past, Oracle oracle, List<Strategy> strategies, Retrainer retrainer,
      long seed, Progress progress) throws IOException {
    ModelBundle first = retrainer.train(past);
    List<Week> weeks = new ArrayList<>();
    for (Strategy s : strategies) {
      weeks.addAll(new Run(s, past, first, oracle, retrainer, seed ^ s.name().hashCode() * 0x9E3779B97F4A7C15L,
          progress).weeks());
    }
    return new Result(strategies.stream().map(Strategy::name).toList(), weeks);
  }

  /** One strategy's replay. */
  private static final class Run {
    private final Strategy strategy;
    private final Oracle oracle;
    private final Oracle.Inspector inspector;
    private final Retrainer retrainer;
    private final SplittableRandom random;
    private final ShareBandit bandit;
    private final Progress progress;
    private final List<Declaration> history;
    private ModelBundle model;
    /** The arm played last week and that week's precision, waiting for this week's picks by score. */
    private int pendingArm = -1;
    private double pendingPrecision;

    Run(Strategy strategy, List<Declaration> past, ModelBundle first, Oracle oracle, Retrainer retrainer, long seed,
        Progress progress) {
      this.strategy = strategy;
      this.oracle = oracle;
      this.inspector = oracle.inspector();
      this.retrainer = retrainer;
      this.random = new SplittableRandom(seed);
      this.bandit = strategy instanceof Strategy.Adaptive a ? new ShareBandit(a.shares(), seed + 1) : null;
      this.progress = progress;
      this.history = new ArrayList<>(past);
      this.model = first;
    }

    List<Week> weeks() throws IOException {
      List<Week> out = new ArrayList<>();
      List<LocalDate> all = oracle.weeks();
      for (int w = 0; w < all.size(); w++) {
        LocalDate monday = all.get(w);
        List<Declaration> rows = oracle.declarations(monday);
        int arm = bandit == null ? -1 : bandit.choose();
        double share = switch (strategy) {
          case Strategy.Exploit e -> 0;
          case Strategy.Random r -> 1;
          case Strategy.Epsilon e -> e.share();
          case Strategy.Uncertainty u -> u.share();
          case Strategy.Adaptive a -> bandit.share(arm);
        };
        double[] scores = share == 1 ? new double[rows.size()] : score(rows);
        Selection picks = select(rows, scores, oracle.capacity(monday), share,
            strategy instanceof Strategy.Uncertainty, random);
        Oracle.Revealed revealed = inspector.inspect(monday, picks.ids());
        learnShare(arm, picks, revealed);
        Map<String, Declaration> known = new HashMap<>();
        revealed.outcomes().forEach(d -> known.put(d.id(), d));
        rows.forEach(d -> history.add(known.getOrDefault(d.id(), d)));
        out.add(new Week(strategy.name(), monday, rows.size(), share, revealed.figures()));
        // the random strategy selects without a model, and after the last week none is needed
        if (!(strategy instanceof Strategy.Random) && w + 1 < all.size()) {
          model = retrainer.train(history);
        }
        progress.weekDone(strategy.name(), monday);
      }
      return out;
    }

    private double[] score(List<Declaration> rows) {
      FeaturePipeline p = model.features();
      float[] x = new float[FeaturePipeline.matrixSize(rows.size(), p.width())];
      p.describe(rows, 0, rows.size(), x);
      return model.model().score(x, rows.size(), p.width());
    }

    /** Rewards last week's share with this week's picks by score (see {@link ShareBandit}). */
    private void learnShare(int arm, Selection picks, Oracle.Revealed revealed) {
      if (bandit == null) {
        return;
      }
      java.util.Set<String> frauds = new java.util.HashSet<>();
      revealed.outcomes().stream().filter(Declaration::isFraud).forEach(d -> frauds.add(d.id()));
      double precision = frauds.size() / (double) Math.max(1, picks.ids().size());
      if (pendingArm >= 0) {
        long byScoreHits = picks.byScore().stream().filter(frauds::contains).count();
        double byScore = picks.byScore().isEmpty() ? precision : byScoreHits / (double) picks.byScore().size();
        bandit.learn(pendingArm, (pendingPrecision + byScore) / 2);
      }
      pendingArm = arm;
      pendingPrecision = precision;
    }
  }

  /** A week's picks: those by score, then those that explore. */
  record Selection(List<String> byScore, List<String> exploring) {
    List<String> ids() {
      List<String> all = new ArrayList<>(byScore);
      all.addAll(exploring);
      return all;
    }
  }

  /**
   * Selects {@code k} declarations: {@code round(share × k)} explore, the rest are the highest
   * scores (ties by input order). Exploring picks are random among the rest, or, with {@code
   * uncertain}, the rest whose scores are closest to one half.
   */
  static Selection select(List<Declaration> rows, double[] scores, int k, double share, boolean uncertain,
      SplittableRandom random) {
    int n = rows.size();
    int picks = Math.min(k, n);
    int exploring = (int) Math.round(share * picks);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> -scores[i]));
    List<String> byScore = new ArrayList<>();
    for (int r = 0; r < picks - exploring; r++) {
      byScore.add(rows.get(order.get(r)).id());
    }
    List<Integer> rest = new ArrayList<>(order.subList(picks - exploring, n));
    List<String> explore = new ArrayList<>();
    if (uncertain) {
      rest.sort(Comparator.comparingDouble((Integer i) -> Math.abs(scores[i] - 0.5)));
      for (int r = 0; r < exploring; r++) {
        explore.add(rows.get(rest.get(r)).id());
      }
    } else {
      for (int r = 0; r < exploring; r++) {
        explore.add(rows.get(rest.remove(random.nextInt(rest.size()))).id());
      }
    }
    return new Selection(byScore, explore);
  }
}
