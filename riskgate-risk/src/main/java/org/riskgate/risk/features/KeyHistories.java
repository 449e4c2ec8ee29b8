package org.riskgate.risk.features;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.riskgate.core.Declaration;

/**
 * {@link FeaturePipeline}'s point-in-time history taken apart by key, for an engine that holds the
 * declarations on many machines (riskgate-spark): there each key's rows are walked on their own,
 * sorted by the key's text, date and arrival order, and the pieces are put together again. The
 * walk, the features and the saved state are this package's own code, so the values are those of
 * {@link FeaturePipeline#walk}.
 */
public final class KeyHistories {
  private static final Key[] KEYS = Key.values();

  private KeyHistories() {}

  /** Number of keys; key {@code k} is one of {@code 0 .. keys() - 1}. */
  public static int keys() {
    return KEYS.length;
  }

  /** Key {@code k}'s name, e.g. {@code IMPORTER_HS6}. */
  public static String name(int k) {
    return KEYS[k].name();
  }

  /** Key {@code k}'s text for {@code d}, or "" when it is blank (then it has no history). */
  public static String value(int k, Declaration d) {
    return KEYS[k].value(d);
  }

  /**
   * What a history holds, as plain numbers: what one engine's task hands to another. {@code seen}
   * is 0 for a key never seen.
   */
  public record Snapshot(
      long seen, long inspected, long frauds, long criticals, double sumLogUnitValue,
      double sumSqLogUnitValue, double sumLogPrice, int firstDay, int lastDay) implements Serializable {

    /** Nothing seen. */
    public static final Snapshot EMPTY = of(new Stats());

    static Snapshot of(Stats s) {
      return new Snapshot(s.seen, s.inspected, s.frauds, s.criticals, s.sumLogUnitValue,
          s.sumSqLogUnitValue, s.sumLogPrice, s.firstDay, s.lastDay);
    }

    /** What one declaration adds to a history. */
    public static Snapshot of(Declaration d) {
      Stats s = new Stats();
      learn(s, d);
      return of(s);
    }

    /**
     * Both histories together. The sums are added in another order than a walk adds them, so
     * use it for counts (the priors, which only read counts), not for one key's history.
     */
    public Snapshot plus(Snapshot o) {
      return new Snapshot(seen + o.seen, inspected + o.inspected, frauds + o.frauds,
          criticals + o.criticals, sumLogUnitValue + o.sumLogUnitValue,
          sumSqLogUnitValue + o.sumSqLogUnitValue, sumLogPrice + o.sumLogPrice,
          Math.min(firstDay, o.firstDay), Math.max(lastDay, o.lastDay));
    }

    Stats stats() {
      Stats s = new Stats();
      s.seen = seen;
      s.inspected = inspected;
      s.frauds = frauds;
      s.criticals = criticals;
      s.sumLogUnitValue = sumLogUnitValue;
      s.sumSqLogUnitValue = sumSqLogUnitValue;
      s.sumLogPrice = sumLogPrice;
      s.firstDay = firstDay;
      s.lastDay = lastDay;
      return s;
    }
  }

  /** What {@link FeaturePipeline#advance} learns of one declaration. */
  private static void learn(Stats s, Declaration d) {
    s.observe((int) d.date().toEpochDay(), FeaturePipeline.logUnitValue(d), Math.log1p(d.itemPrice()));
    d.outcome().ifPresent(o -> s.learn(o.fraud(), o.criticalFraud()));
  }

  /** Receives a {@link Walker}'s results. */
  public interface Sink {
    /** The history of the key's text as it stood before {@code d}'s day. */
    void before(Declaration d, Snapshot history);

    /** A key's history after its last day. */
    void last(String value, Snapshot history);
  }

  /**
   * Walks one key's declarations, given sorted by the key's text, then date, then arrival order,
   * as {@link FeaturePipeline#walk} does: a declaration sees the days before its own, and learns
   * after its whole day is seen. Holds one day of one text at a time.
   */
  public static final class Walker {
    private final Sink sink;
    private String value;
    private Stats stats;
    private int day = Integer.MIN_VALUE;
    private final List<Declaration> today = new ArrayList<>();

    public Walker(Sink sink) {
      this.sink = sink;
    }

    /** The next declaration, whose key text is {@code value} (not blank). */
    public void accept(String value, Declaration d) {
      int dDay = (int) d.date().toEpochDay();
      if (!value.equals(this.value)) {
        finish();
        this.value = value;
        this.stats = new Stats();
      } else if (dDay != day) {
        if (dDay < day) {
          throw new IllegalArgumentException("key " + value + ": " + d.id() + " of " + d.date()
              + " comes after a later day; sort by key, date and arrival");
        }
        learnToday();
      }
      day = dDay;
      sink.before(d, Snapshot.of(stats));
      today.add(d);
    }

    /** Ends the current key text; call after the last declaration. */
    public void finish() {
      if (value != null) {
        learnToday();
        sink.last(value, Snapshot.of(stats));
        value = null;
      }
    }

    private void learnToday() {
      today.forEach(d -> learn(stats, d));
      today.clear();
    }
  }

  /**
   * Writes the features of {@code d} into {@code out[offset ..]}, as {@link FeaturePipeline#walk}
   * does, from each key's history before its day ({@code history.get(k)}, {@link Snapshot#EMPTY}
   * for a key never seen, ignored for a blank one) and that of every declaration before its day
   * ({@code all}).
   */
  public static void describe(FeaturePipeline pipeline, Declaration d, List<Snapshot> history,
      Snapshot all, float[] out, int offset) {
    if (history.size() != KEYS.length) {
      throw new IllegalArgumentException("need one history per key: " + history.size());
    }
    Stats global = all.stats();
    double prior = FeaturePipeline.prior(global);
    double criticalPrior = FeaturePipeline.criticalPrior(global);
    pipeline.describe(d, out, offset, (k, row, r, into, at) -> {
      if (k.value(row).isEmpty()) {
        return FeaturePipeline.History.BLANK;
      }
      Snapshot s = history.get(k.ordinal());
      if (s.seen() == 0) {
        return FeaturePipeline.History.UNKNOWN;
      }
      s.stats().values(prior, criticalPrior, into, at);
      return FeaturePipeline.History.FOUND;
    }, 0, prior, criticalPrior);
  }

  /**
   * The pipeline as it stands after walking its data: {@code fitted}'s vocabularies, each key's
   * history after its last day ({@code byKey.get(k)}: text → history), that of every declaration,
   * and the last day walked. What {@link FeaturePipeline#walk} leaves behind, ready for a bundle.
   */
  public static FeaturePipeline walked(FeaturePipeline fitted, List<Map<String, Snapshot>> byKey,
      Snapshot all, LocalDate lastDay) {
    FeatureState s = new FeatureState();
    s.vocabularies.putAll(fitted.state.vocabularies);
    for (Key k : KEYS) {
      Map<String, Stats> h = s.history.get(k);
      byKey.get(k.ordinal()).forEach((v, snap) -> h.put(v, snap.stats()));
    }
    s.global = all.stats();
    s.lastDay = (int) lastDay.toEpochDay();
    return new FeaturePipeline(s);
  }
}
