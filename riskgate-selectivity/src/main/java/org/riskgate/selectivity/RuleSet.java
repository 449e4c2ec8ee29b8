package org.riskgate.selectivity;

import java.util.Map;
import org.riskgate.core.Declaration;

/**
 * Analysts' selectivity rules, applied beside the model. An implementation must never throw for a
 * single declaration: a rule that fails is reported in {@link RuleOutcome#errors()} and skipped.
 */
public interface RuleSet {

  /** No rules at all. */
  RuleSet NONE = (d, score, attributes) -> RuleOutcome.NONE;

  /**
   * Applies every rule valid on the declaration's date.
   *
   * @param score the model's risk score in [0, 1]
   * @param attributes further named values a rule may test (profile figures, HS and document
   *     check results), e.g. {@code importer.hit_rate}
   */
  RuleOutcome apply(Declaration declaration, double score, Map<String, Double> attributes);
}
