package org.riskgate.selectivity.rules;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.riskgate.core.Declaration;
import org.riskgate.selectivity.RuleError;
import org.riskgate.selectivity.RuleHit;
import org.riskgate.selectivity.RuleOutcome;

/**
 * Replays rules over history: "this rule would have selected N declarations, hit rate X %".
 * Streams, so a history of any length fits in memory.
 */
public final class Backtest {
  private final RuleBook book;
  private final List<RuleInfo> infos;
  private final long[] inValidity;
  private final long[] selected;
  private final long[] labelled;
  private final long[] frauds;
  private final long[] errors;
  private final org.riskgate.core.evidence.Phrase[] firstError;
  private long declarations;
  private long labelledAll;
  private long fraudsAll;

  /** Starts a replay of a rule book. */
  public Backtest(RuleBook book) {
    this.book = book;
    this.infos = book.rules();
    int n = infos.size();
    inValidity = new long[n];
    selected = new long[n];
    labelled = new long[n];
    frauds = new long[n];
    errors = new long[n];
    firstError = new org.riskgate.core.evidence.Phrase[n];
  }

  /**
   * Replays one declaration.
   *
   * @param score the model score the rules see as {@code score} (0 when there is none)
   * @param attributes what the rules see as attributes, e.g. profile figures as of its date
   */
  public void accept(Declaration d, double score, Map<String, Double> attributes) {
    declarations++;
    boolean isLabelled = d.outcome().isPresent();
    if (isLabelled) {
      labelledAll++;
      if (d.isFraud()) {
        fraudsAll++;
      }
    }
    RuleOutcome out = book.apply(d, score, attributes);
    for (int i = 0; i < infos.size(); i++) {
      if (infos.get(i).validOn(d.date())) {
        inValidity[i]++;
      }
    }
    for (RuleHit h : out.hits()) {
      int i = index(h.ruleId());
      selected[i]++;
      if (isLabelled) {
        labelled[i]++;
        if (d.isFraud()) {
          frauds[i]++;
        }
      }
    }
    for (RuleError e : out.errors()) {
      int i = index(e.ruleId());
      errors[i]++;
      if (firstError[i] == null) {
        firstError[i] = RuleProblem.words("backtest.firstError", d.id(), e.words());
      }
    }
  }

  private int index(String id) {
    for (int i = 0; i < infos.size(); i++) {
      if (infos.get(i).id().equals(id)) {
        return i;
      }
    }
    throw new IllegalStateException("rule book returned an unknown rule " + id);
  }

  /** The figures so far. */
  public BacktestReport report() {
    List<RuleBacktest> rows = new java.util.ArrayList<>();
    for (int i = 0; i < infos.size(); i++) {
      rows.add(new RuleBacktest(infos.get(i).id(), inValidity[i], selected[i], labelled[i],
          frauds[i], errors[i], java.util.Optional.ofNullable(firstError[i])));
    }
    return new BacktestReport(declarations, labelledAll, fraudsAll, rows);
  }

  /** Replays a whole history with the given score and attributes per declaration. */
  public static BacktestReport run(RuleBook book, Iterable<Declaration> history,
      ToDoubleFunction<Declaration> score, Function<Declaration, Map<String, Double>> attributes) {
    Backtest b = new Backtest(book);
    for (Declaration d : history) {
      b.accept(d, score.applyAsDouble(d), attributes.apply(d));
    }
    return b.report();
  }
}
