package org.riskgate.selectivity.rules;

import java.util.List;

/**
 * A rule file replayed over a labelled history.
 *
 * @param declarations declarations read
 * @param labelled those with a known inspection outcome
 * @param frauds those where inspection found fraud (the base rate's numerator)
 * @param rules one line per rule, in file order
 */
public record BacktestReport(long declarations, long labelled, long frauds, List<RuleBacktest> rules) {
  public BacktestReport {
    rules = List.copyOf(rules);
  }

  /** The overall fraud rate among labelled declarations, to compare rules' hit rates with. */
  public double baseRate() {
    return labelled == 0 ? Double.NaN : frauds / (double) labelled;
  }
}
