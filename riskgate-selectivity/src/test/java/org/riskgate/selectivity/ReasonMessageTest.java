package org.riskgate.selectivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Reasons as codes and arguments: the English texts as they always were, and every code in Korean. */
class ReasonMessageTest {
  private static Properties bundle(String name) throws Exception {
    Properties p = new Properties();
    try (InputStream in = ReasonMessageTest.class.getResourceAsStream("/org/riskgate/selectivity/" + name)) {
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return p;
  }

  private static Set<String> placeholders(String pattern) {
    Set<String> out = new TreeSet<>();
    Matcher m = Pattern.compile("\\{\\d+}").matcher(pattern);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  @Test
  void everyCodeHasAKoreanPatternWithTheSameArguments() throws Exception {
    Properties en = bundle("reasons.properties");
    Properties ko = bundle("reasons_ko.properties");
    assertThat(ko.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    for (String code : en.stringPropertyNames()) {
      assertThat(placeholders(ko.getProperty(code))).as(code).isEqualTo(placeholders(en.getProperty(code)));
      if (!en.getProperty(code).isEmpty()) {
        assertThat(ko.getProperty(code)).as(code).isNotEqualTo(en.getProperty(code));
      }
    }
  }

  /** The texts the decider wrote before reasons had codes, from the same values. */
  @Test
  void theEnglishTextsAreTheOnesReasonsAlwaysHad() {
    ReasonMessage score = ReasonMessage.of("what.score", "0.975");
    ReasonMessage revenue = ReasonMessage.of("what.revenue", "363,934", "0.412");
    ReasonMessage office = ReasonMessage.of("where.office", "30");
    assertThat(ReasonMessage.of("capacity.full", "31", "24", office, score, ReasonMessage.of("instead.yellow"))
        .english()).isEqualTo("capacity full: rank 31 of 24 red slots at office 30 (score 0.975); documentary check instead");
    assertThat(ReasonMessage.of("capacity.full", "31", "24", ReasonMessage.of("where.day"), revenue,
        ReasonMessage.of("instead.none")).english())
        .isEqualTo("capacity full: rank 31 of 24 red slots of the day (expected tax recovered 363,934 (score 0.412))");
    assertThat(ReasonMessage.of("random.pick", score).english())
        .isEqualTo("picked at random for inspection (exploration): score 0.975 would not have sent it red");
    assertThat(ReasonMessage.of("capacity.red", score, "3", "24", office).english())
        .isEqualTo("score 0.975: rank 3 of 24 red slots at office 30");
    assertThat(ReasonMessage.of("capacity.yellow", score, "30", "56", ReasonMessage.of("where.day")).english())
        .isEqualTo("score 0.975: rank 30, within the 56 yellow slots of the day");
    assertThat(ReasonMessage.of("threshold.red", score, "0.912").english())
        .isEqualTo("score 0.975 at or above the red threshold 0.912");
    assertThat(ReasonMessage.of("threshold.yellow", revenue, "12,000").english())
        .isEqualTo("expected tax recovered 363,934 (score 0.412) at or above the yellow threshold 12,000");
    assertThat(ReasonMessage.of("rule.skipped", "attribute 'net.importer_degree' was not provided").english())
        .isEqualTo("rule skipped: attribute 'net.importer_degree' was not provided");
  }

  @Test
  void koreanOrdersThePartsItsOwnWay() {
    ReasonMessage m = ReasonMessage.of("capacity.full", "31", "24", ReasonMessage.of("where.office", "30"),
        ReasonMessage.of("what.score", "0.975"), ReasonMessage.of("instead.yellow"));
    assertThat(m.render(Locale.KOREAN)).isEqualTo("검사 용량 초과: 30 세관 적색 슬롯 24개 중 31위 (점수 0.975); 대신 서류 심사");
    // a language without patterns reads the English base, never the machine's default language
    assertThat(m.render(Locale.GERMAN)).isEqualTo(m.english());
    Reason r = Reason.of("capacity", m, 0, true);
    assertThat(r.text()).isEqualTo(m.english());
    assertThat(r.text(Locale.KOREAN)).startsWith("검사 용량 초과");
    // a reason without a code (a rule's, a finding's) reads the same everywhere
    assertThat(new Reason("rule:steel", "steel is inspected", 0, true).text(Locale.KOREAN)).isEqualTo("steel is inspected");
  }

  @Test
  void argumentsReadBackFromJsonMapsAndRefuseAnythingElse() {
    ReasonMessage m = new ReasonMessage(ReasonMessage.REASONS, "capacity.red", List.of(Map.of("code", "what.score", "args", List.of("0.5")),
        "1", "2", Map.of("code", "where.day")));
    assertThat(m.english()).isEqualTo("score 0.5: rank 1 of 2 red slots of the day");
    assertThatThrownBy(() -> ReasonMessage.of("capacity.red", 3)).hasMessageContaining("text or a message");
    assertThatThrownBy(() -> ReasonMessage.of("no.such.code").english()).hasMessageContaining("no.such.code");
    assertThatThrownBy(() -> ReasonMessage.of("capacity.red", "x").english()).hasMessageContaining("{1}");
  }
}
