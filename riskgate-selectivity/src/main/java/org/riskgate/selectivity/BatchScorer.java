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
import org.riskgate.risk.Explanations;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.Objective;
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
  private static final int CHUNK = 20_000;
  private final ModelBundle bundle;
  private final FeaturePipeline pipeline;
  private final RuleSet rules;
  private final Evidence.Source evidence;
  private final Options options;
  private final LaneAssigner lanes;

  /**
   * @param capacity lane capacities and random share
   * @param seed seeds the random picks
   * @param reasonsPerDecision how many model reasons each red or yellow decision carries
   * @param windowRows the most declarations held in memory at once
   * @param objective what the capacity is spent on: lanes go to the highest risk, or to the
   *     highest expected tax recovered
   */
  public record Options(Capacity capacity, long seed, int reasonsPerDecision, int windowRows, Objective objective) {
    public Options {
      if (windowRows < 1 || reasonsPerDecision < 0) {
        throw new IllegalArgumentException("window must be positive and reasons not negative");
      }
      java.util.Objects.requireNonNull(objective, "objective");
    }

    /** Options that spend the capacity on finding frauds. */
    public Options(Capacity capacity, long seed, int reasonsPerDecision, int windowRows) {
      this(capacity, seed, reasonsPerDecision, windowRows, Objective.FRAUDS);
    }

    public static Options defaults(Capacity capacity, Objective objective) {
      return new Options(capacity, 20210101L, 3, 200_000, objective);
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
    this(bundle, rules, Evidence.Source.NONE, options);
  }

  /**
   * @param evidence what other checks find (profiles, HS check ...): rules may test its figures,
   *     besides the model's own features under their feature names, and its reasons go on the
   *     decision
   */
  public BatchScorer(ModelBundle bundle, RuleSet rules, Evidence.Source evidence, Options options) {
    this.bundle = bundle;
    this.pipeline = bundle.features();
    this.rules = rules;
    this.evidence = evidence;
    this.options = options;
    this.lanes = new LaneAssigner(options.capacity(), options.seed());
  }

  /**
   * Scores everything the iterator yields; {@code progress} is told how many rows are done. The
   * iterator is read on its own thread, so parsing the next rows overlaps scoring these.
   */
  public Summary score(Iterator<Declaration> in, DecisionSink sink, java.util.function.LongConsumer progress) {
    Totals totals = new Totals();
    Writer out = new Writer(sink);
    java.util.concurrent.BlockingQueue<List<Declaration>> chunks = new java.util.concurrent.ArrayBlockingQueue<>(2);
    List<Declaration> end = List.of();
    Throwable[] failure = new Throwable[1];
    Thread reader = Thread.ofPlatform().name("riskgate-reader").daemon().start(() -> {
      try {
        List<Declaration> chunk = new ArrayList<>(CHUNK);
        while (in.hasNext()) {
          chunk.add(in.next());
          if (chunk.size() == CHUNK) {
            chunks.put(chunk);
            chunk = new ArrayList<>(CHUNK);
          }
        }
        chunks.put(chunk);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException | Error e) {
        failure[0] = e;
      } finally {
        // the end marker must arrive even when the queue is full: wait for room, unless the
        // scorer itself gave up and interrupted us
        try {
          chunks.put(end);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
    List<Declaration> window = new ArrayList<>();
    try {
      for (List<Declaration> chunk = chunks.take(); chunk != end; chunk = chunks.take()) {
        window.addAll(chunk);
        if (window.size() >= options.windowRows()) {
          window = release(window, false, out, totals);
          progress.accept(totals.scored);
        }
      }
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("scoring interrupted", e);
    } finally {
      reader.interrupt();
    }
    if (failure[0] instanceof RuntimeException e) {
      throw e;
    } else if (failure[0] instanceof Error e) {
      throw e;
    }
    release(window, true, out, totals);
    out.finish();
    progress.accept(totals.scored);
    return totals.summary();
  }

  /**
   * Hands decisions to the sink on one writer thread, in order, so that formatting and writing
   * them overlaps scoring the next day; at most a few days wait in line.
   */
  private static final class Writer {
    private final DecisionSink sink;
    private final java.util.concurrent.ExecutorService thread;
    private final java.util.concurrent.Semaphore inLine = new java.util.concurrent.Semaphore(8);
    private final java.util.concurrent.atomic.AtomicReference<RuntimeException> failure =
        new java.util.concurrent.atomic.AtomicReference<>();

    Writer(DecisionSink sink) {
      this.sink = sink;
      this.thread = java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> Thread.ofPlatform().name("riskgate-writer").daemon().unstarted(r));
    }

    void accept(List<Declaration> day, List<Decision> decisions) {
      rethrow();
      inLine.acquireUninterruptibly();
      thread.execute(() -> {
        try {
          if (failure.get() == null) {
            for (int i = 0; i < day.size(); i++) {
              sink.accept(day.get(i), decisions.get(i));
            }
          }
        } catch (RuntimeException e) {
          failure.compareAndSet(null, e);
        } finally {
          inLine.release();
        }
      });
    }

    void finish() {
      thread.shutdown();
      try {
        thread.awaitTermination(1, java.util.concurrent.TimeUnit.DAYS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while writing decisions", e);
      }
      rethrow();
    }

    private void rethrow() {
      RuntimeException e = failure.get();
      if (e != null) {
        thread.shutdownNow();
        throw e;
      }
    }
  }

  /** Scores the days of a window; returns what is kept back (the latest day, unless at the end). */
  private List<Declaration> release(List<Declaration> window, boolean all, Writer out, Totals totals) {
    TreeMap<LocalDate, List<Declaration>> days = new TreeMap<>();
    for (Declaration d : window) {
      days.computeIfAbsent(d.date(), k -> new ArrayList<>()).add(d);
    }
    List<Declaration> kept = new ArrayList<>();
    if (!all && days.size() > 1) {
      kept = days.pollLastEntry().getValue();
    }
    // one feature matrix and one native prediction for all released days: per-day calls into
    // XGBoost cost more in overhead than in trees
    List<Declaration> rows = new ArrayList<>(window.size());
    days.values().forEach(rows::addAll);
    int w = pipeline.width();
    float[] x = new float[rows.size() * w];
    int block = 512;
    IntStream.range(0, (rows.size() + block - 1) / block).parallel()
        .forEach(b -> pipeline.describe(rows, b * block, Math.min(rows.size(), (b + 1) * block), x));
    double[] modelScores = bundle.model().score(x, rows.size(), w);
    Evidence[] found = new Evidence[rows.size()];
    IntStream.range(0, rows.size()).parallel().forEach(r -> found[r] = evidence.about(rows.get(r)));
    int start = 0;
    for (List<Declaration> day : days.values()) {
      scoreDay(day, x, start, modelScores, found, out, totals);
      start += day.size();
    }
    return kept;
  }

  /** Rules, lanes and reasons for one day, whose rows start at {@code first} in the window. */
  private void scoreDay(List<Declaration> day, float[] x, int first, double[] modelScores,
      Evidence[] found, Writer out, Totals totals) {
    int n = day.size();
    int w = pipeline.width();
    Optional<LocalDate> historyEnd = pipeline.historyUntil();
    if (historyEnd.isPresent() && !day.get(0).date().isAfter(historyEnd.get())) {
      totals.datedWithinTraining += n;
    }
    RuleOutcome[] ruled = new RuleOutcome[n];
    double[] scores = new double[n];
    List<LaneAssigner.Candidate> candidates = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      double model = modelScores[first + r];
      ruled[r] = rules == RuleSet.NONE ? RuleOutcome.NONE
          : rules.apply(day.get(r), model, new FeatureView(x, (first + r) * w, found[first + r].attributes()));
      double s = model;
      Optional<Lane> forced = Optional.empty();
      for (RuleHit h : ruled[r].hits()) {
        s += h.scoreDelta();
        if (h.forcedLane().isPresent() && (forced.isEmpty() || h.forcedLane().get().ordinal() < forced.get().ordinal())) {
          forced = h.forcedLane();
        }
      }
      scores[r] = Math.max(0, Math.min(1, s));
      candidates.add(new LaneAssigner.Candidate(day.get(r).officeId(),
          options.objective().priority(scores[r], day.get(r)), forced));
    }
    List<LaneAssigner.Assignment> assigned = lanes.assign(day.get(0).date(), candidates);
    List<Integer> selected = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      if (assigned.get(r).lane() != Lane.GREEN) {
        selected.add(r);
      }
    }
    List<List<Contribution>> why = explain(day, x, first, selected);
    Instant now = Instant.now();
    List<Decision> decisions = new ArrayList<>(n);
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
      reasons.addAll(found[first + r].reasons());
      if (a.lane() != Lane.GREEN) {
        options.objective().reason(scores[r], day.get(r)).ifPresent(t -> reasons.add(new Reason("objective", t, 0)));
        for (Contribution c : why.get(next++)) {
          reasons.add(new Reason("model", c.text(), c.weight()));
        }
      }
      for (RuleError e : ruled[r].errors()) {
        reasons.add(new Reason("rule:" + e.ruleId(), "rule skipped: " + e.message(), 0));
      }
      Decision d = new Decision(day.get(r).id(), modelScores[first + r], scores[r], a.lane(), a.randomPick(),
          reasons, ruled[r].hits(), ruled[r].errors(), bundle.id(), now);
      totals.add(d);
      decisions.add(d);
    }
    out.accept(day, decisions);
  }

  /** Model reasons for the selected rows only, from the fast tree-path contributions. */
  private List<List<Contribution>> explain(List<Declaration> day, float[] x, int first, List<Integer> rows) {
    List<List<Contribution>> out = new ArrayList<>();
    if (rows.isEmpty() || options.reasonsPerDecision() == 0) {
      rows.forEach(r -> out.add(List.of()));
      return out;
    }
    int w = pipeline.width();
    float[] sub = new float[rows.size() * w];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(x, (first + rows.get(i)) * w, sub, i * w, w);
    }
    // rows are explained in parallel, a small block each, since each costs a walk of every tree
    int block = 256;
    List<List<List<Contribution>>> parts = IntStream.range(0, (rows.size() + block - 1) / block).parallel()
        .mapToObj(b -> {
          int from = b * block;
          int to = Math.min(rows.size(), from + block);
          float[] part = java.util.Arrays.copyOfRange(sub, from * w, to * w);
          Optional<float[][]> c = bundle.model().contributions(part, to - from, w, false);
          List<List<Contribution>> list = new ArrayList<>(to - from);
          for (int i = from; i < to; i++) {
            list.add(c.isEmpty() ? List.of()
                : Explanations.top(pipeline, day.get(rows.get(i)), c.get()[i - from], part, (i - from) * w,
                    options.reasonsPerDecision()));
          }
          return list;
        }).toList();
    parts.forEach(out::addAll);
    return out;
  }

  /** One row's features by name, and any further attributes, for rules, without copying. */
  private final class FeatureView extends AbstractMap<String, Double> {
    private final float[] x;
    private final int offset;
    private final Map<String, Double> more;

    FeatureView(float[] x, int offset, Map<String, Double> more) {
      this.x = x;
      this.offset = offset;
      this.more = more;
    }

    @Override
    public Double get(Object key) {
      Double extra = more.get(key);
      if (extra != null) {
        return extra;
      }
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
      copy.putAll(more);
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
