package org.riskgate.server.decide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.riskgate.core.Declaration;
import org.riskgate.core.evidence.EvidenceSource;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.Objective;
import org.riskgate.selectivity.BatchScorer;
import org.riskgate.selectivity.Capacity;
import org.riskgate.selectivity.Decider;
import org.riskgate.selectivity.Decision;
import org.riskgate.selectivity.LanePolicy;
import org.riskgate.selectivity.RuleHit;
import org.riskgate.selectivity.RuleSet;
import org.riskgate.server.store.DeclarationStore.Decided;
import org.riskgate.server.store.StoredDecision;

/**
 * Turns declarations into decisions with the active bundle, rules and capacity, through the one
 * {@link Decider} the batch uses too: a batch under its days' capacity, a single declaration
 * against the calibrated thresholds. Thread-safe: the configuration is one immutable snapshot
 * swapped atomically, so a request never sees a new model with old thresholds.
 */
public final class DecisionService {
  private static final int REASONS = 3;
  /** Seeds the random picks: a declaration decided again gets the same draw. */
  static final long SEED = 20210101L;

  /** What decisions are made with, as one consistent snapshot. */
  public record Config(ModelBundle bundle, RuleSet rules, String rulesText, Capacity capacity,
      Objective objective, Thresholds thresholds) {}

  private final AtomicReference<Config> config;
  private final EvidenceSource evidence;

  /** Decisions without evidence from other checks. */
  public DecisionService(Config initial) {
    this(initial, EvidenceSource.NONE);
  }

  /**
   * @param evidence the checks beside the model (HS, documents, profiles, watchlists): live
   *     sources, read at each decision
   */
  public DecisionService(Config initial, EvidenceSource evidence) {
    this.config = new AtomicReference<>(initial);
    this.evidence = evidence;
  }

  public Config config() {
    return config.get();
  }

  /** Replaces the configuration (a new model, rules, capacity or thresholds). */
  public void reconfigure(java.util.function.UnaryOperator<Config> change) {
    config.updateAndGet(change);
  }

  /** The policy a single declaration is decided by: the calibrated thresholds and the random share. */
  public static LanePolicy.ByThresholds single(Config c) {
    return new LanePolicy.ByThresholds(c.thresholds().red(), c.thresholds().yellow(), c.capacity().randomPercent());
  }

  /**
   * The policy of a batch: its days' capacity. A declaration the capacity keeps out of red whose
   * priority reaches the red threshold (or, under the frauds objective, a score of 0.5) is told so.
   */
  public static LanePolicy.ByCapacity batch(Config c) {
    double red = c.thresholds().red();
    double alert = c.objective() == Objective.FRAUDS ? Math.min(LanePolicy.ByCapacity.DEFAULT_ALERT, red) : red;
    return new LanePolicy.ByCapacity(c.capacity(), alert);
  }

  /** Decides a batch, day by day under the capacity (sorted by date first, for exact daily shares). */
  public List<Decided> decideBatch(List<Declaration> rows, String actor) {
    Config c = config.get();
    List<Declaration> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(Declaration::date));
    List<Decided> out = new ArrayList<>(rows.size());
    new BatchScorer(c.bundle(), c.rules(), evidence, new BatchScorer.Options(batch(c), SEED, REASONS, 200_000,
        c.objective()))
        .score(sorted.iterator(), (d, decision) -> out.add(new Decided(d, stored(decision, actor))), n -> { });
    return out;
  }

  /** Decides one declaration against the calibrated thresholds. */
  public Decided decideOne(Declaration d, String actor) {
    Config c = config.get();
    Decision decision = new Decider(c.bundle(), c.rules(), evidence, new Decider.Settings(c.objective(), REASONS, SEED))
        .decideOne(d, single(c));
    return new Decided(d, stored(decision, actor));
  }

  private static StoredDecision stored(Decision d, String actor) {
    return new StoredDecision(d.declarationId(), d.modelScore(), d.score(), d.lane(), d.randomPick(),
        d.reasons(), d.rulesHit().stream().map(RuleHit::ruleId).toList(), d.modelBundleId(), actor,
        d.decidedAt(), Optional.of(d.context()));
  }
}
