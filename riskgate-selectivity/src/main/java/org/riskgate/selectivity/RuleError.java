package org.riskgate.selectivity;

/**
 * A rule that failed on a declaration: the rule is skipped for it and the decision says so.
 *
 * @param ruleId the rule's id
 * @param message what went wrong
 */
public record RuleError(String ruleId, String message) {}
