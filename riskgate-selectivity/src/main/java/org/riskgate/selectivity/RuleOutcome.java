package org.riskgate.selectivity;

import java.util.List;

/**
 * What the analysts' rules made of one declaration.
 *
 * @param hits the rules that matched
 * @param errors the rules that failed on it and were skipped
 */
public record RuleOutcome(List<RuleHit> hits, List<RuleError> errors) {
  /** No rule matched and none failed. */
  public static final RuleOutcome NONE = new RuleOutcome(List.of(), List.of());

  public RuleOutcome {
    hits = List.copyOf(hits);
    errors = List.copyOf(errors);
  }
}
