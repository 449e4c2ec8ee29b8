package org.riskgate.selectivity.rules;

/**
 * What one rule would have done on a labelled history.
 *
 * @param ruleId the rule
 * @param inValidity declarations dated within the rule's validity
 * @param selected declarations the rule matched
 * @param selectedLabelled matched declarations with a known inspection outcome
 * @param frauds matched declarations where inspection found fraud
 * @param errors declarations on which the rule could not be decided (skipped)
 * @param firstError the first such failure, empty when none
 */
public record RuleBacktest(
    String ruleId,
    long inValidity,
    long selected,
    long selectedLabelled,
    long frauds,
    long errors,
    String firstError) {

  /** Share of fraud among the matched labelled declarations; NaN when none was labelled. */
  public double hitRate() {
    return selectedLabelled == 0 ? Double.NaN : frauds / (double) selectedLabelled;
  }
}
