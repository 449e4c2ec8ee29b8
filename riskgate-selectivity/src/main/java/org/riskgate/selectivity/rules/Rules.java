package org.riskgate.selectivity.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.riskgate.selectivity.watch.Watchlists;

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
    return parse(text, source, Watchlists.NONE);
  }

  /**
   * Parses rule text whose {@code in watchlist "NAME"} conditions look names up in {@code
   * watchlists}: each must exist now; the lists' entries are read when a rule is evaluated.
   *
   * @throws RulesException when the text is refused
   */
  public static RuleBook parse(String text, String source, Watchlists watchlists) {
    return new RuleBook(source, Compiler.compile(text, source, watchlists));
  }

  /** Reads a rule file whose watchlists are {@code watchlists}. */
  public static RuleBook load(Path file, Watchlists watchlists) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), watchlists);
  }
}
