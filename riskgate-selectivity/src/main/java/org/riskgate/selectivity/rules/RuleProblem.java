package org.riskgate.selectivity.rules;

import java.util.Objects;

/**
 * One thing wrong with a rule file, located so an analyst can find it.
 *
 * @param source the file name (or {@code <text>} for rules given as a string)
 * @param line 1-based line
 * @param column 1-based column
 * @param message what is wrong and, where known, what was expected
 */
public record RuleProblem(String source, int line, int column, String message) {
  public RuleProblem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(message, "message");
  }

  /** {@code source:line:column: message}, the form compilers use. */
  @Override
  public String toString() {
    return source + ":" + line + ":" + column + ": " + message;
  }
}
