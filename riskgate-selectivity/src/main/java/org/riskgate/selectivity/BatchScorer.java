package org.riskgate.selectivity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.riskgate.core.Declaration;
import org.riskgate.risk.Contribution;
import org.riskgate.risk.Evaluator;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.features.FeaturePipeline;

/**
 * Scores a stream of declarations into lanes, in constant memory.
 *
 * <p>Declarations are buffered in a window of at most {@link Options#windowRows()} rows. A full
 * window releases every day in it but the latest (which may still be arriving); each released day
 * is scored, passed through the analysts' rules, given lanes under the capacity of that day, and
 * explained. A date-sorted file therefore gets exact daily capacities; in an unsorted file a day
 * split across windows gets its capacity per window.
 */
public final class BatchScorer {
  private final ModelBundle bundle;
  private final FeaturePipeline pipeline;
  private final RuleSet rules;
  private final Options options;
  private final LaneAssigner lanes;

  /**
   * @param capacity lane capacities and random share
   * @param seed seeds the random picks
   * @param reasonsPerDecision how many model reasons each red or yellow decision carries
   * @param windowRows the most declarations held in memory at once
   */
  public record Options(Capacity capacity, long seed, int reasonsPerDecision, int windowRows) {
    public Options {
      if (windowRows < 1 || reasonsPerDecision < 0) {
        throw new IllegalArgumentException("window must be positive and reasons not negative");
      }
    }

    public static Options defaults(Capacity capacity) {
      return new Options(capacity, 20210101L, 3, 200_000);
    }
  }

  /** Receives each decision together with the declaration it is about. */
  @FunctionalInterface
  public interface DecisionSink {
    void accept(Declaration declaration, Decision decision);
  }

  /** Totals of a scoring run. */
  public record Summary(
      long scored, Map<Lane, Long> lanes, long randomPicks, long ruleHits, long ruleErrors,
      long datedWithinTraining) {}

  public BatchScorer(ModelBundle bundle, RuleSet rules, Options options) {
    this.bundle = bundle;
    this.pipeline = bundle.features();
    this.rules = rules;
    this.options = options;
    this.lanes = new LaneAssigner(options.capacity(), options.seed());
  }

  /** Scores everything the iterator yields; {@code progress} is told how many rows are done. */
  public Summary score(Iterator<Declaration> in, DecisionSink out, java.util.function.LongConsumer progress) {
    Totals totals = new Totals();
    List<Declaration> window = new ArrayList<>();
    while (in.hasNext()) {
      window.add(in.next());
      if (window.size() >= options.windowRows()) {
        window = release(window, false, out, totals);
        progress.accept(totals.scored);
      }
    }
    release(window, true, out, totals);
    progress.accept(totals.scored);
    return totals.summary();
  }

  /** Scores the days of a window; returns what is kept back (the latest day, unless at the end). */
  private List<Declaration> release(List<Declaration> window, boolean all, DecisionSink out, Totals totals) {
    TreeMap<LocalDate, List<Declaration>> days = new TreeMap<>();
    for (Declaration d : window) {
      days.computeIfAbsent(d.date(), k -> new ArrayList<>()).add(d);
    }
    List<Declaration> kept = new ArrayList<>();
    if (!all && days.size() > 1) {
      kept = days.pollLastEntry().getValue();
    }
    for (List<Declaration> day : days.values()) {
      scoreDay(day, out, totals);
    }
    return kept;
  }

  private void scoreDay(List<Declaration> day, DecisionSink out, Totals totals) {
    int n = day.size();
    int w = pipeline.width();
    float[] x = new float[n * w];
    IntStream.range(0, n).parallel().forEach(r -> pipeline.describe(day.get(r), x, r * w));
    double[] modelScores = bundle.model().score(x, n, w);
    Optional<LocalDate> historyEnd = pipeline.historyUntil();
    if (historyEnd.isPresent() && !day.get(0).date().isAfter(historyEnd.get())) {
      totals.datedWithinTraining += n;
    }
    RuleOutcome[] ruled = new RuleOutcome[n];
    double[] scores = new double[n];
    List<LaneAssigner.Candidate> candidates = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      ruled[r] = rules.apply(day.get(r), modelScores[r], new FeatureView(x, r * w));
      double s = modelScores[r];
      Optional<Lane> forced = Optional.empty();
      for (RuleHit h : ruled[r].hits()) {
        s += h.scoreDelta();
        if (h.forcedLane().isPresent() && (forced.isEmpty() || h.forcedLane().get().ordinal() < forced.get().ordinal())) {
          forced = h.forcedLane();
        }
      }
      scores[r] = Math.max(0, Math.min(1, s));
      candidates.add(new LaneAssigner.Candidate(day.get(r).officeId(), scores[r], forced));
    }
    List<LaneAssigner.Assignment> assigned = lanes.assign(candidates);
    List<Integer> selected = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      if (assigned.get(r).lane() != Lane.GREEN) {
        selected.add(r);
      }
    }
    List<List<Contribution>> why = explain(day, x, selected);
    Instant now = Instant.now();
    int next = 0;
    for (int r = 0; r < n; r++) {
      LaneAssigner.Assignment a = assigned.get(r);
      List<Reason> reasons = new ArrayList<>();
      for (RuleHit h : ruled[r].hits()) {
        reasons.add(new Reason("rule:" + h.ruleId(), h.reason(), h.scoreDelta()));
      }
      if (a.randomPick()) {
        reasons.add(new Reason("random", "picked at random for inspection (exploration)", 0));
      }
      if (a.lane() != Lane.GREEN) {
        for (Contribution c : why.get(next++)) {
          reasons.add(new Reason("model", c.text(), c.weight()));
        }
      }
      for (RuleError e : ruled[r].errors()) {
        reasons.add(new Reason("rule:" + e.ruleId(), "rule skipped: " + e.message(), 0));
      }
      Decision d = new Decision(day.get(r).id(), modelScores[r], scores[r], a.lane(), a.randomPick(),
          reasons, ruled[r].hits(), ruled[r].errors(), bundle.id(), now);
      totals.add(d);
      out.accept(day.get(r), d);
    }
  }

  /** Model reasons for the selected rows only, from the fast tree-path contributions. */
  private List<List<Contribution>> explain(List<Declaration> day, float[] x, List<Integer> rows) {
    List<List<Contribution>> out = new ArrayList<>();
    if (rows.isEmpty() || options.reasonsPerDecision() == 0) {
      rows.forEach(r -> out.add(List.of()));
      return out;
    }
    int w = pipeline.width();
    float[] sub = new float[rows.size() * w];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(x, rows.get(i) * w, sub, i * w, w);
    }
    Optional<float[][]> contributions = bundle.model().contributions(sub, rows.size(), w, false);
    for (int i = 0; i < rows.size(); i++) {
      out.add(contributions.isEmpty() ? List.of()
          : Evaluator.explain(pipeline, day.get(rows.get(i)), contributions.get()[i], sub, i * w,
              options.reasonsPerDecision()));
    }
    return out;
  }

  /** One row's features by name, for rules, without copying them into a map. */
  private final class FeatureView extends AbstractMap<String, Double> {
    private final float[] x;
    private final int offset;

    FeatureView(float[] x, int offset) {
      this.x = x;
      this.offset = offset;
    }

    @Override
    public Double get(Object key) {
      int i = pipeline.position(String.valueOf(key));
      return i < 0 || Float.isNaN(x[offset + i]) ? null : (double) x[offset + i];
    }

    @Override
    public boolean containsKey(Object key) {
      return get(key) != null;
    }

    @Override
    public Set<Entry<String, Double>> entrySet() {
      Map<String, Double> copy = new java.util.LinkedHashMap<>();
      for (int i = 0; i < pipeline.width(); i++) {
        if (!Float.isNaN(x[offset + i])) {
          copy.put(pipeline.names().get(i), (double) x[offset + i]);
        }
      }
      return copy.entrySet();
    }
  }

  private static final class Totals {
    long scored;
    final Map<Lane, Long> lanes = new EnumMap<>(Lane.class);
    long random;
    long hits;
    long errors;
    long datedWithinTraining;

    void add(Decision d) {
      scored++;
      lanes.merge(d.lane(), 1L, Long::sum);
      random += d.randomPick() ? 1 : 0;
      hits += d.rulesHit().size();
      errors += d.ruleErrors().size();
    }

    Summary summary() {
      for (Lane l : Lane.values()) {
        lanes.putIfAbsent(l, 0L);
      }
      return new Summary(scored, Map.copyOf(lanes), random, hits, errors, datedWithinTraining);
    }
  }
}
