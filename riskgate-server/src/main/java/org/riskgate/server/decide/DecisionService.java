package org.riskgate.server.decide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.riskgate.core.Declaration;
import org.riskgate.risk.Contribution;
import org.riskgate.risk.Explanations;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.Objective;
import org.riskgate.risk.features.FeaturePipeline;
import org.riskgate.selectivity.BatchScorer;
import org.riskgate.selectivity.Capacity;
import org.riskgate.selectivity.Decision;
import org.riskgate.selectivity.Lane;
import org.riskgate.selectivity.Reason;
import org.riskgate.selectivity.RuleError;
import org.riskgate.selectivity.RuleHit;
import org.riskgate.selectivity.RuleOutcome;
import org.riskgate.selectivity.RuleSet;
import org.riskgate.server.store.DeclarationStore.Decided;
import org.riskgate.server.store.StoredDecision;

/**
 * Turns declarations into decisions with the active bundle, rules and capacity. Thread-safe:
 * the configuration is one immutable snapshot swapped atomically, so a request never sees a new
 * model with old thresholds.
 */
public final class DecisionService {
  private static final int REASONS = 3;

  /** What decisions are made with, as one consistent snapshot. */
  public record Config(ModelBundle bundle, RuleSet rules, String rulesText, Capacity capacity,
      Objective objective, Thresholds thresholds) {}

  private final AtomicReference<Config> config;

  public DecisionService(Config initial) {
    this.config = new AtomicReference<>(initial);
  }

  public Config config() {
    return config.get();
  }

  /** Replaces the configuration (a new model, rules, capacity or thresholds). */
  public void reconfigure(java.util.function.UnaryOperator<Config> change) {
    config.updateAndGet(change);
  }

  /** Decides a batch, day by day under the capacity (sorted by date first, for exact daily shares). */
  public List<Decided> decideBatch(List<Declaration> rows, String actor) {
    Config c = config.get();
    List<Declaration> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(Declaration::date));
    List<Decided> out = new ArrayList<>(rows.size());
    new BatchScorer(c.bundle(), c.rules(), BatchScorer.Options.defaults(c.capacity(), c.objective()))
        .score(sorted.iterator(), (d, decision) -> out.add(new Decided(d, stored(decision, actor))), n -> { });
    return out;
  }

  /** Decides one declaration against the calibrated thresholds. */
  public Decided decideOne(Declaration d, String actor) {
    Config c = config.get();
    FeaturePipeline pipeline = c.bundle().features();
    int w = pipeline.width();
    float[] x = new float[w];
    pipeline.describe(d, x, 0);
    // Tree-path contributions are plain Java and add up to the log-odds the booster computes;
    // one row through the native predictor costs far more (thread start-up per call), so the
    // score and its reasons come from the same walk.
    Optional<float[][]> contributions = c.bundle().model().contributions(x, 1, w, false);
    double modelScore = contributions.map(k -> logistic(k[0])).orElseGet(() -> c.bundle().model().score(x, 1, w)[0]);
    RuleOutcome ruled = c.rules() == RuleSet.NONE ? RuleOutcome.NONE
        : c.rules().apply(d, modelScore, features(pipeline, x));
    double score = modelScore;
    Optional<Lane> forced = Optional.empty();
    for (RuleHit h : ruled.hits()) {
      score += h.scoreDelta();
      if (h.forcedLane().isPresent()
          && (forced.isEmpty() || h.forcedLane().get().ordinal() < forced.get().ordinal())) {
        forced = h.forcedLane();
      }
    }
    score = Math.max(0, Math.min(1, score));
    double priority = c.objective().priority(score, d);
    boolean randomPick = false;
    Lane lane;
    if (forced.isPresent()) {
      lane = forced.get();
    } else if (ThreadLocalRandom.current().nextDouble() * 100 < c.capacity().randomPercent()) {
      lane = Lane.RED;
      randomPick = true;
    } else if (priority >= c.thresholds().red()) {
      lane = Lane.RED;
    } else if (priority >= c.thresholds().yellow()) {
      lane = Lane.YELLOW;
    } else {
      lane = Lane.GREEN;
    }
    List<Reason> reasons = new ArrayList<>();
    for (RuleHit h : ruled.hits()) {
      reasons.add(new Reason("rule:" + h.ruleId(), h.reason(), h.scoreDelta()));
    }
    if (randomPick) {
      reasons.add(new Reason("random", "picked at random for inspection (exploration)", 0));
    }
    if (lane != Lane.GREEN) {
      c.objective().reason(score, d).ifPresent(t -> reasons.add(new Reason("objective", t, 0)));
      if (contributions.isPresent()) {
        for (Contribution k : Explanations.top(pipeline, d, contributions.get()[0], x, 0, REASONS)) {
          reasons.add(new Reason("model", k.text(), k.weight()));
        }
      }
    }
    for (RuleError e : ruled.errors()) {
      reasons.add(new Reason("rule:" + e.ruleId(), "rule skipped: " + e.message(), 0));
    }
    Decision decision = new Decision(d.id(), modelScore, score, lane, randomPick, reasons, ruled.hits(),
        ruled.errors(), c.bundle().id(), Instant.now());
    return new Decided(d, stored(decision, actor));
  }

  /** The probability behind a row of contributions (features and bias, in log-odds). */
  static double logistic(float[] contributions) {
    double logit = 0;
    for (float v : contributions) {
      logit += v;
    }
    return 1 / (1 + Math.exp(-logit));
  }

  private static Map<String, Double> features(FeaturePipeline pipeline, float[] x) {
    Map<String, Double> m = new HashMap<>();
    for (int i = 0; i < x.length; i++) {
      if (!Float.isNaN(x[i])) {
        m.put(pipeline.names().get(i), (double) x[i]);
      }
    }
    return m;
  }

  private static StoredDecision stored(Decision d, String actor) {
    return new StoredDecision(d.declarationId(), d.modelScore(), d.score(), d.lane(), d.randomPick(),
        d.reasons(), d.rulesHit().stream().map(RuleHit::ruleId).toList(), d.modelBundleId(), actor,
        d.decidedAt());
  }
}
