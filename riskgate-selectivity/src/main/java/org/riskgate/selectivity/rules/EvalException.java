package org.riskgate.selectivity.rules;

import org.riskgate.core.evidence.Phrase;

/** A rule cannot be decided for one declaration (a missing attribute, a unit price of nothing). */
final class EvalException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient Phrase words;

  /** Why, as a code of {@link RuleProblem#BUNDLE} and its arguments. */
  EvalException(String code, String... args) {
    // No stack trace: this is an expected outcome reported as a RuleError, not a bug.
    this(RuleProblem.words(code, (Object[]) args));
  }

  private EvalException(Phrase words) {
    super(words.english(), null, false, false);
    this.words = words;
  }

  Phrase words() {
    return words;
  }
}
