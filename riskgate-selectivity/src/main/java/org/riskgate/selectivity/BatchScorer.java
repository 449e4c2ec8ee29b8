package org.riskgate.selectivity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.riskgate.core.Declaration;
import org.riskgate.core.evidence.EvidenceSource;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.Objective;

/**
 * Scores a stream of declarations into lanes, in constant memory.
 *
 * <p>Declarations are buffered in a window of at most {@link Options#windowRows()} rows. A full
 * window releases every day in it but the latest (which may still be arriving); each released day
 * is decided by the {@link Decider}: scored, passed through the analysts' rules, given lanes under
 * the capacity of that day (or the policy given), and explained. A date-sorted file therefore gets exact daily capacities; in an unsorted file a day
 * split across windows gets its capacity per window.
 */
public final class BatchScorer {
  private static final int CHUNK = 20_000;
  private final ModelBundle bundle;
  private final Options options;
  private final Decider decider;

  /**
   * @param policy how each day gets its lanes: its capacity (as a rule), or calibrated thresholds
   * @param seed seeds the random picks
   * @param reasonsPerDecision how many model reasons each red or yellow decision carries
   * @param windowRows the most declarations held in memory at once
   * @param objective what the capacity is spent on: lanes go to the highest risk, or to the
   *     highest expected tax recovered
   */
  public record Options(LanePolicy policy, long seed, int reasonsPerDecision, int windowRows, Objective objective) {
    public Options {
      if (windowRows < 1 || reasonsPerDecision < 0) {
        throw new IllegalArgumentException("window must be positive and reasons not negative");
      }
      java.util.Objects.requireNonNull(policy, "policy");
      java.util.Objects.requireNonNull(objective, "objective");
    }

    /** Each day's capacity decides its lanes. */
    public Options(Capacity capacity, long seed, int reasonsPerDecision, int windowRows, Objective objective) {
      this(new LanePolicy.ByCapacity(capacity), seed, reasonsPerDecision, windowRows, objective);
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
    this(bundle, rules, EvidenceSource.NONE, options);
  }

  /**
   * @param evidence what other checks find (profiles, HS check ...): rules may test its figures,
   *     besides the model's own features under their feature names, and its findings go on the
   *     decision
   */
  public BatchScorer(ModelBundle bundle, RuleSet rules, EvidenceSource evidence, Options options) {
    this.bundle = bundle;
    this.options = options;
    this.decider = new Decider(bundle, rules, evidence,
        new Decider.Settings(options.objective(), options.reasonsPerDecision(), options.seed()));
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
    // one feature matrix and one model call for all released days: per-day calls into the model
    // cost more in overhead than in trees
    List<Declaration> rows = new ArrayList<>(window.size());
    days.values().forEach(rows::addAll);
    Decider.Scored scored = decider.score(rows);
    Optional<LocalDate> historyEnd = bundle.features().historyUntil();
    int start = 0;
    for (List<Declaration> day : days.values()) {
      if (historyEnd.isPresent() && !day.get(0).date().isAfter(historyEnd.get())) {
        totals.datedWithinTraining += day.size();
      }
      List<Decision> decisions = decider.decide(scored, start, start + day.size(), options.policy(), Instant.now());
      decisions.forEach(totals::add);
      out.accept(day, decisions);
      start += day.size();
    }
    return kept;
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
