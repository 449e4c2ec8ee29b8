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
 * @param firstFailure the first such failure (the declaration and why), empty when none
 */
public record RuleBacktest(
    String ruleId,
    long inValidity,
    long selected,
    long selectedLabelled,
    long frauds,
    long errors,
    java.util.Optional<org.riskgate.core.evidence.Phrase> firstFailure) {

  /** The first failure in English ({@code id: why}), empty when none. */
  public String firstError() {
    return firstFailure.map(org.riskgate.core.evidence.Phrase::english).orElse("");
  }

  /** Share of fraud among the matched labelled declarations; NaN when none was labelled. */
  public double hitRate() {
    return selectedLabelled == 0 ? Double.NaN : frauds / (double) selectedLabelled;
  }
}
