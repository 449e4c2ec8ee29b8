package org.riskgate.selectivity.rules;

import java.util.List;

/**
 * A rule file was refused: a syntax error, an unknown field, a type mismatch, a duplicate id...
 * Every problem found is listed with its line and column; no rule of a refused file is used.
 */
public final class RulesException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final transient List<RuleProblem> problems;

  RulesException(List<RuleProblem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, in file order. */
  public List<RuleProblem> problems() {
    return problems;
  }

  private static String message(List<RuleProblem> problems) {
    StringBuilder b = new StringBuilder();
    b.append(problems.size() == 1 ? "1 problem in rules" : problems.size() + " problems in rules");
    for (RuleProblem p : problems) {
      b.append(System.lineSeparator()).append("  ").append(p);
    }
    return b.toString();
  }
}
