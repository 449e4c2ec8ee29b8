package org.riskgate.selectivity;

import org.riskgate.core.evidence.Phrase;

/**
 * A rule that failed on a declaration: the rule is skipped for it and the decision says so.
 *
 * @param ruleId the rule's id
 * @param words what went wrong, as a code of its module's bundle, so a page can say it in the
 *     analyst's language
 */
public record RuleError(String ruleId, Phrase words) {
  /** What went wrong, in English. */
  public String message() {
    return words.english();
  }
}
