package org.riskgate.selectivity.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point of the rules language: parse and check rule text into a {@link RuleBook}.
 *
 * <pre>{@code
 * RuleBook rules = Rules.load(Path.of("rules/quarantine.rules"));
 * RuleOutcome out = rules.apply(declaration, score, Map.of("importer.hit_rate", 0.4));
 * }</pre>
 */
public final class Rules {
  private Rules() {}

  /**
   * Reads a rule file.
   *
   * @throws RulesException when the file has any syntax error, unknown field or type mismatch;
   *     its problems carry line and column
   * @throws IOException when the file cannot be read
   */
  public static RuleBook load(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return parse(text, file.toString());
  }

  /**
   * Parses rule text.
   *
   * @param source a name for messages, e.g. the file name
   * @throws RulesException when the text is refused
   */
  public static RuleBook parse(String text, String source) {
    return new RuleBook(source, Compiler.compile(text, source));
  }
}
