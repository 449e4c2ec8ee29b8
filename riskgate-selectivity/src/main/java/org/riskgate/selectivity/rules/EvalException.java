package org.riskgate.selectivity.rules;

/** A rule cannot be decided for one declaration (a missing attribute, a unit price of nothing). */
final class EvalException extends Exception {
  private static final long serialVersionUID = 1L;

  EvalException(String message) {
    // No stack trace: this is an expected outcome reported as a RuleError, not a bug.
    super(message, null, false, false);
  }
}
