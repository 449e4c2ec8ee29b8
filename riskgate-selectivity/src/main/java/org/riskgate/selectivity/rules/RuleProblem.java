package org.riskgate.selectivity.rules;

import java.util.Objects;
import org.riskgate.core.evidence.Phrase;

/**
 * One thing wrong with a rule file, located so an analyst can find it.
 *
 * @param source the file name (or {@code <text>} for rules given as a string)
 * @param line 1-based line
 * @param column 1-based column
 * @param words what is wrong and, where known, what was expected: a code of {@link #BUNDLE}, so a
 *     page can say it in the analyst's language
 */
public record RuleProblem(String source, int line, int column, Phrase words) {
  /** The bundle of the problems' codes (and of the reasons a rule could not be decided). */
  public static final String BUNDLE = "org.riskgate.selectivity.rules.problems";

  public RuleProblem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(words, "words");
  }

  /** A problem's words from its code in {@link #BUNDLE} and arguments (text or nested phrases). */
  static Phrase words(String code, Object... args) {
    return Phrase.of(BUNDLE, code, args);
  }

  /** What is wrong, in English. */
  public String message() {
    return words.english();
  }

  /** {@code source:line:column: message}, the form compilers use. */
  @Override
  public String toString() {
    return source + ":" + line + ":" + column + ": " + message();
  }
}
