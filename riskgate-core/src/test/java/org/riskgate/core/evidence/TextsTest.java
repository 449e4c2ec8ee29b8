package org.riskgate.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Patterns are read and split once; what they render must not change with that. */
class TextsTest {
  private static final String BUNDLE = "org.riskgate.core.evidence.texts-test";

  @Test
  void argumentsGoWherePatternsNameThemInEachLanguageAndAgainFromTheCache() {
    for (int round = 0; round < 2; round++) {
      assertThat(Texts.render(BUNDLE, "filled", Locale.ROOT, List.of("KR-1", "3", "12")))
          .isEqualTo("importer KR-1: fraud found in 3 of 12 inspections");
      assertThat(Texts.render(BUNDLE, "filled", Locale.KOREAN, List.of("KR-1", "3", "12")))
          .isEqualTo("수입자 KR-1: 검사 12건 중 3건 적발");
      assertThat(Texts.render(BUNDLE, "reordered", Locale.ROOT, List.of("a", "b"))).isEqualTo("b before a, a again");
      assertThat(Texts.render(BUNDLE, "plain", Locale.ROOT, List.of())).isEqualTo("no arguments here");
    }
  }

  @Test
  void aLanguageWithoutThePatternGetsTheEnglishBaseAndBracesThatNameNoArgumentStay() {
    assertThat(Texts.render(BUNDLE, "plain", Locale.KOREAN, List.of())).isEqualTo("no arguments here");
    assertThat(Texts.render(BUNDLE, "braces", Locale.ROOT, List.of("unused")))
        .isEqualTo("keeps {x} and {} and {0");
  }

  @Test
  void anUnknownCodeOrAMissingArgumentIsAClearErrorEveryTime() {
    for (int round = 0; round < 2; round++) {
      assertThatThrownBy(() -> Texts.render(BUNDLE, "nope", Locale.ROOT, List.of()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no pattern for code 'nope'");
      assertThatThrownBy(() -> Texts.render(BUNDLE, "missing", Locale.ROOT, List.of("a")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no argument {3}");
    }
  }
}
