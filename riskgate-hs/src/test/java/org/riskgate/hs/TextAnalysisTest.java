package org.riskgate.hs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.riskgate.hs.text.Field;
import org.riskgate.hs.text.TextGuard;
import org.riskgate.hs.text.Terms;

class TextAnalysisTest {
  @Test
  void latinFieldStemsDropsNoiseAndOtherScripts() {
    assertThat(Terms.analyze(Field.LATIN.analyzer(), "Men's T-Shirts, other, 100 pcs 냉동"))
        .containsExactly("men", "tshirt");
    assertThat(Terms.analyze(Field.LATIN.analyzer(), "cotton shirts, T shirt, O-ring, a shirt"))
        .containsExactly("cotton", "shirt", "tshirt", "or", "shirt"); // Porter stems "oring" to "or"
    assertThat(Terms.analyze(Field.LATIN.analyzer(), "PO#12 FOB Busan 20 ctns, size L"))
        .containsExactly("busan");
    assertThat(Terms.analyze(Field.LATIN.analyzer(), "Áo thun")).containsExactly("ao", "thun");
  }

  @Test
  void koreanAndCjkFieldsProduceTerms() {
    assertThat(Terms.analyze(Field.KOREAN.analyzer(), "냉동 소고기")).isNotEmpty();
    assertThat(Terms.analyze(Field.CJK.analyzer(), "笔记本电脑")).contains("笔记", "电脑");
    assertThat(Terms.analyze(Field.THAI.analyzer(), "ทุเรียนสด")).isNotEmpty();
  }

  @Test
  void analyzersSurviveRandomText() {
    Random r = new Random(42);
    for (int i = 0; i < 300; i++) {
      StringBuilder sb = new StringBuilder();
      for (int j = 0, n = r.nextInt(60); j < n; j++) {
        sb.appendCodePoint(r.nextInt(0x3000));
      }
      for (Field f : Field.values()) {
        List<String> terms = Terms.analyze(f.analyzer(), sb.toString());
        assertThat(terms).allMatch(t -> !t.isEmpty());
      }
    }
  }

  @Test
  void guardRejectsEmptyHugeAndBinaryText() {
    assertThatThrownBy(() -> TextGuard.check("  ")).isInstanceOf(InvalidDescriptionException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> TextGuard.check("a".repeat(10_001))).isInstanceOf(InvalidDescriptionException.class)
        .hasMessageContaining("10001 bytes");
    assertThatThrownBy(() -> TextGuard.check("beef\u0000\u0001")).hasMessageContaining("binary");
    assertThatThrownBy(() -> TextGuard.check("\u0001\u0002\u0003\u0004abc\u0005")).hasMessageContaining("binary");
    assertThatThrownBy(() -> TextGuard.check("12345 !!")).hasMessageContaining("no letters");
    assertThat(TextGuard.check("  frozen beef\n")).isEqualTo("frozen beef");
  }

  @Test
  void aRefusedDescriptionReadsInKoreanToo() {
    assertThat(refusal("  ").render(java.util.Locale.KOREAN)).isEqualTo("품명이 비어 있습니다");
    assertThat(refusal("a".repeat(10_001)).render(java.util.Locale.KOREAN)).isEqualTo("품명이 10001바이트입니다. 최대 10000바이트까지 받습니다");
    assertThat(refusal("12345 !!").render(java.util.Locale.KOREAN)).isEqualTo("품명에 문자가 없습니다");
    // the English, which the API and the CLI say, is the base bundle's
    assertThat(refusal("12345 !!").english()).isEqualTo("the description has no letters");
  }

  private static org.riskgate.core.evidence.Phrase refusal(String text) {
    try {
      TextGuard.check(text);
    } catch (InvalidDescriptionException e) {
      return e.words();
    }
    throw new AssertionError("not refused: " + text);
  }
}
