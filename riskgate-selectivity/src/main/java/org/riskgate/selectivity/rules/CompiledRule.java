package org.riskgate.selectivity.rules;

/** A rule ready to evaluate: what it says, and its condition compiled. */
record CompiledRule(RuleInfo info, Condition condition) {}
