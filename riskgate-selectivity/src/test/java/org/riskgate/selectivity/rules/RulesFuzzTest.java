package org.riskgate.selectivity.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.riskgate.core.Declaration;
import org.riskgate.selectivity.RuleOutcome;

/**
 * Random rule texts made of the language's own words: the parser either accepts them or refuses
 * them with located problems, and an accepted rule book never throws when applied.
 */
class RulesFuzzTest {
  static final String[] WORDS = {"rule", "\"r\"", "\"s\"", "owner", "valid", "from", "to", "when",
      "then", "and", "or", "not", "in", "startswith", "lane", "red", "yellow", "green", "add",
      "reason", "=", "!=", "<", "<=", ">", ">=", "(", ")", "[", "]", ",", ".", "hs6", "origin",
      "score", "unit_price", "importer", "hit_rate", "date", "tax_rate", "0.5", "-1", "12",
      "2021-01-01", "2021-13-01", "\"US\"", "\"080810\"", "'", "#x\n", "\n", "@", "hs7"};

  @Test
  void randomTextIsAcceptedOrRefusedWithLocationsNeverCrashes() {
    SplittableRandom r = new SplittableRandom(2021);
    Declaration d = RulesTest.decl("1", LocalDate.of(2021, 5, 1), "080810", "US", 0, 50, true);
    int accepted = 0;
    int refused = 0;
    for (int i = 0; i < 3000; i++) {
      StringBuilder text = new StringBuilder();
      // half the cases start from a valid rule and mutate it, so deep paths are reached too
      if (r.nextBoolean()) {
        text.append("rule \"base").append(i).append("\" when origin = \"US\" then lane red ");
      }
      int n = 1 + r.nextInt(14);
      for (int k = 0; k < n; k++) {
        text.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
      }
      try {
        RuleBook book = Rules.parse(text.toString(), "fuzz");
        accepted++;
        RuleOutcome out = book.apply(d, r.nextBoolean() ? 0.7 : Double.NaN,
            r.nextBoolean() ? Map.of() : Map.of("importer.hit_rate", 0.4));
        assertThat(out.hits().size() + out.errors().size()).isLessThanOrEqualTo(book.rules().size());
      } catch (RulesException e) {
        refused++;
        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
          assertThat(p.line()).isPositive();
          assertThat(p.column()).isPositive();
          assertThat(p.message()).isNotBlank();
        });
      }
    }
    assertThat(accepted).isPositive();
    assertThat(refused).isPositive();
  }
}
