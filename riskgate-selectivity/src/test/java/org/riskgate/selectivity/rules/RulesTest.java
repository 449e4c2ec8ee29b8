package org.riskgate.selectivity.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskgate.core.Declaration;
import org.riskgate.core.InspectionOutcome;
import org.riskgate.selectivity.Lane;
import org.riskgate.selectivity.RuleHit;
import org.riskgate.selectivity.RuleOutcome;

class RulesTest {

  static Declaration decl(String id, LocalDate date, String hs, String origin, double mass,
      double price, boolean fraud) {
    return new Declaration(id, date, "30", "B", "21", "21", "11", "10", "DEC1", "IMP1", "SEL1", "",
        hs, "CN", origin, 8.0, "A", "G", mass, price,
        Optional.of(new InspectionOutcome(fraud, fraud ? 1 : 0)), OptionalDouble.empty(), "");
  }

  static final String APPLES = """
      # quarantine alert from the plant-health service
      rule "apples-from-us" owner "kim" valid 2021-01-01 to 2021-12-31
        when hs6 = "080810" and origin = "US"
        then lane red, reason "Quarantine alert 2021-04"
      """;

  @Test
  void theIssueExampleParsesAndForcesRed() {
    RuleBook book = Rules.parse(APPLES, "apples.rules");
    RuleInfo r = book.rules().get(0);
    assertThat(r.id()).isEqualTo("apples-from-us");
    assertThat(r.owner()).isEqualTo("kim");
    assertThat(r.validFrom()).contains(LocalDate.of(2021, 1, 1));
    assertThat(r.validTo()).contains(LocalDate.of(2021, 12, 31));
    assertThat(r.condition()).isEqualTo("hs6 = \"080810\" and origin = \"US\"");
    assertThat(r.line()).isEqualTo(2);

    RuleOutcome hit = book.apply(decl("1", LocalDate.of(2021, 4, 2), "0808100000", "US", 10, 50,
        false), 0.1, Map.of());
    assertThat(hit.hits()).containsExactly(
        new RuleHit("apples-from-us", "Quarantine alert 2021-04", Optional.of(Lane.RED), 0));
    assertThat(book.apply(decl("2", LocalDate.of(2021, 4, 2), "080810", "NZ", 10, 50, false), 0.1,
        Map.of()).hits()).isEmpty();
    // outside its validity the rule is silent
    assertThat(book.apply(decl("3", LocalDate.of(2022, 1, 1), "080810", "US", 10, 50, false), 0.1,
        Map.of()).hits()).isEmpty();
  }

  @Test
  void operatorsPrecedenceListsPrefixesAttributesAndScore() {
    RuleBook book = Rules.parse("""
        rule "a" when not origin = "CN" and hs2 in ["08", "09"] then add 0.2
        rule "b" when hs4 startswith ["08", "85"] or unit_price < 1 then add -0.1, reason "cheap"
        rule "c" when importer.hit_rate >= 0.3 and score > 0.8 then lane yellow
        rule "d" when (origin = "US" or origin = "NZ") and not (tax_rate > 10) then reason "d"
        rule "e" when origin not in ["US"] and date >= 2021-01-01 and net_mass != 0 then add 1
        """, "t");
    Declaration us = decl("1", LocalDate.of(2021, 5, 1), "080810", "US", 100, 50, true);
    RuleOutcome out = book.apply(us, 0.9, Map.of("importer.hit_rate", 0.5));
    assertThat(out.errors()).isEmpty();
    assertThat(out.hits()).extracting(RuleHit::ruleId).containsExactly("a", "b", "c", "d");
    assertThat(out.hits().get(0).scoreDelta()).isEqualTo(0.2);
    assertThat(out.hits().get(1).reason()).isEqualTo("cheap");
    assertThat(out.hits().get(1).scoreDelta()).isEqualTo(-0.1);
    assertThat(out.hits().get(2).forcedLane()).contains(Lane.YELLOW);
    // the condition is kept on one line, but spaces inside strings are values
    assertThat(Rules.parse("rule \"s\"\n  when description =  \"two  spaces\"\n    and\n origin = \"US\"\n"
        + "  then add 1", "t").rules().get(0).condition())
        .isEqualTo("description = \"two  spaces\" and origin = \"US\"");
    // no reason given: the condition is the reason
    assertThat(book.rule("a").orElseThrow().reason()).isEqualTo(
        "rule a: not origin = \"CN\" and hs2 in [\"08\", \"09\"]");

    Declaration cn = decl("2", LocalDate.of(2021, 5, 1), "850440", "CN", 100, 5000, false);
    RuleOutcome out2 = book.apply(cn, 0.5, Map.of("importer.hit_rate", 0.1));
    assertThat(out2.hits()).extracting(RuleHit::ruleId).containsExactly("b", "e");
  }

  @Test
  void anEvaluationErrorSkipsOnlyThatRuleAndIsReported() {
    RuleBook book = Rules.parse("""
        rule "needs-profile" when importer.hit_rate > 0.3 then lane red
        rule "cheap" when unit_price < 0.5 then add 0.1
        rule "always" when origin != "" then reason "ok"
        """, "t");
    Declaration noMass = decl("9", LocalDate.of(2021, 5, 1), "080810", "US", 0, 50, false);
    RuleOutcome out = book.apply(noMass, 0.2, Map.of());
    assertThat(out.hits()).extracting(RuleHit::ruleId).containsExactly("always");
    assertThat(out.errors()).hasSize(2);
    assertThat(out.errors().get(0).ruleId()).isEqualTo("needs-profile");
    assertThat(out.errors().get(0).message()).contains("importer.hit_rate").contains("not provided");
    assertThat(out.errors().get(1).message()).contains("unit_price").contains("net_mass");
    // no model score (NaN) makes a rule on score undecidable rather than silently false
    RuleOutcome noScore = Rules.parse("rule \"m\" when score > 0.5 then lane red", "t")
        .apply(noMass, Double.NaN, Map.of());
    assertThat(noScore.errors()).extracting(e -> e.message()).containsExactly("no model score was given");
    // a NaN attribute is an error, not a silent false
    assertThat(book.apply(noMass, 0.2, Map.of("importer.hit_rate", Double.NaN)).errors().get(0)
        .message()).contains("not a number");
  }

  @Test
  void syntaxErrorsGiveLineColumnAndWhatWasExpected() {
    assertThatThrownBy(() -> Rules.parse("""
        rule "x"
          when hs6 = "080810" and
          then lane red
        """, "bad.rules"))
        .isInstanceOf(RulesException.class)
        .satisfies(e -> {
          RuleProblem p = ((RulesException) e).problems().get(0);
          assertThat(p.line()).isEqualTo(3);
          assertThat(p.column()).isEqualTo(3);
          assertThat(p.message()).contains("then");
          assertThat(p.toString()).startsWith("bad.rules:3:3: ");
        });
    RulesException missingThen = catchRules("rule \"x\" when origin = \"US\" lane red");
    assertThat(missingThen.problems().get(0).column()).isEqualTo(29);
    assertThat(missingThen.problems().get(0).message()).isEqualTo("missing 'then' at 'lane'");
    RulesException quote = catchRules("rule \"x\" when origin = 'US' then lane red");
    assertThat(quote.problems().get(0).column()).isEqualTo(24);
    assertThat(quote.problems().get(0).message())
        .isEqualTo("unexpected character ' (text is written in double quotes: \"US\")");
    RulesException badLane = catchRules("rule \"x\" when origin = \"US\" then lane purple");
    assertThat(badLane.problems().get(0).message()).contains("purple").contains("red");
  }

  @Test
  void problemsAndFailuresHaveCodesThatReadInKoreanAsWellAsEnglish() {
    java.util.Locale ko = java.util.Locale.KOREAN;
    RulesException missingThen = catchRules("rule \"x\" when origin = \"US\" lane red");
    assertThat(missingThen.problems().get(0).words().render(ko)).isEqualTo("'lane' 앞에 'then'이(가) 빠졌습니다");
    // ANTLR's token names read in the language: no "end of file" or "quoted text" in Korean
    RulesException early = catchRules("rule \"x\" when origin =");
    assertThat(early.problems().get(0).message()).startsWith("unexpected 'end of file' expecting {");
    assertThat(early.problems().get(0).words().render(ko)).startsWith("'문장 끝'은(는) 올 수 없습니다. 필요한 것: {")
        .doesNotContain("end of file");
    RulesException noValue = catchRules("rule \"x\" when origin = then lane red");
    assertThat(noValue.problems().get(0).message()).contains("\"quoted text\"");
    assertThat(noValue.problems().get(0).words().render(ko)).contains("따옴표로 감싼 문자").doesNotContain("quoted text");
    RulesException e = catchRules("""
        rule "a" when hs7 = "1" then lane red
        rule "b" when tax_rate = "8" then lane red
        rule "c" when origin = 8 then lane red
        """);
    assertThat(e.problems()).extracting(p -> p.words().render(ko)).containsExactly(
        "알 수 없는 항목 'hs7'. 다음 중 하나를 쓰십시오: " + Fields.knownNames()
            + ", 또는 log_unit_value 같은 위험 모델 특성, importer.hit_rate처럼 점이 있는 속성",
        "tax_rate은(는) 숫자이지만 \"8\"은(는) 문자입니다",
        "origin은(는) 문자이지만 8은(는) 숫자입니다 (부호는 문자입니다: \"8\"로 쓰십시오)");
    assertThat(e.problems().get(2).message())
        .isEqualTo("origin is text but 8 is a number (codes are text: write \"8\")");
    // a rule that cannot be decided, as the decision's reason and the backtest's first failure say it
    RuleOutcome out = Rules.parse("rule \"u\" when unit_price > 1 then lane red", "t")
        .apply(decl("9", LocalDate.of(2021, 5, 1), "080810", "US", 0, 50, false), 0.2, Map.of());
    assertThat(out.errors().get(0).words().render(ko)).isEqualTo("unit_price를 계산할 수 없습니다: net_mass가 0.0입니다");
    assertThat(out.errors().get(0).message()).isEqualTo("unit_price is undefined: net_mass is 0.0");
  }

  @Test
  void unknownFieldsAndTypeMismatchesAreRefusedAtParse() {
    RulesException e = catchRules("""
        rule "one" when hs7 = "1234567" then lane red
        rule "two" when hs6 = 080810 then lane red
        rule "three" when origin > "US" then lane red
        rule "four" when tax_rate startswith "1" then lane red
        rule "five" when net_mass = "heavy" then lane red
        rule "five" valid 2021-02-30 to 2021-03-01 when origin = "US" then lane red
        """);
    List<RuleProblem> ps = e.problems();
    assertThat(ps).extracting(RuleProblem::line).containsExactly(1, 2, 3, 4, 5, 6, 6);
    assertThat(ps.get(0).column()).isEqualTo(17);
    assertThat(ps.get(0).message()).contains("unknown field 'hs7'").contains("hs6");
    assertThat(ps.get(1).message()).contains("hs6 is text").contains("\"080810\"");
    assertThat(ps.get(2).message()).contains("operator >").contains("origin is text");
    assertThat(ps.get(3).message()).contains("startswith needs a text field");
    assertThat(ps.get(4).message()).contains("net_mass is a number");
    assertThat(ps.get(5).message()).contains("not a valid date: 2021-02-30");
    assertThat(ps.get(6).message()).contains("duplicate rule name \"five\"");
  }

  @Test
  void loadReadsAFileAndNamesItInProblems(@TempDir Path dir) throws Exception {
    Path ok = dir.resolve("ok.rules");
    Files.writeString(ok, APPLES);
    assertThat(Rules.load(ok).rules()).hasSize(1);
    Path bad = dir.resolve("bad.rules");
    Files.writeString(bad, "rule \"x\" when origin = \"US\" then lane red\nrule y");
    assertThatThrownBy(() -> Rules.load(bad)).isInstanceOf(RulesException.class)
        .hasMessageContaining(bad + ":2:6:");
    assertThat(Rules.parse("# nothing yet\n", "empty").rules()).isEmpty();
  }

  @Test
  void backtestCountsSelectionsAndHitRate() {
    RuleBook book = Rules.parse("""
        rule "us" when origin = "US" then lane red
        rule "late" valid from 2021-03-01 when origin != "" then add 0.1
        rule "prof" when importer.hit_rate > 0.5 then add 0.1
        """, "t");
    List<Declaration> history = List.of(
        decl("1", LocalDate.of(2021, 1, 5), "080810", "US", 1, 1, true),
        decl("2", LocalDate.of(2021, 1, 6), "080810", "US", 1, 1, false),
        decl("3", LocalDate.of(2021, 3, 6), "080810", "US", 1, 1, true),
        decl("4", LocalDate.of(2021, 3, 7), "080810", "CN", 1, 1, false));
    BacktestReport r = Backtest.run(book, history, d -> 0.0,
        d -> d.id().equals("4") ? Map.of() : Map.of("importer.hit_rate", 0.9));
    assertThat(r.declarations()).isEqualTo(4);
    assertThat(r.baseRate()).isEqualTo(0.5);
    RuleBacktest us = r.rules().get(0);
    assertThat(us.selected()).isEqualTo(3);
    assertThat(us.frauds()).isEqualTo(2);
    assertThat(us.hitRate()).isEqualTo(2 / 3.0);
    RuleBacktest late = r.rules().get(1);
    assertThat(late.inValidity()).isEqualTo(2);
    assertThat(late.selected()).isEqualTo(2);
    RuleBacktest prof = r.rules().get(2);
    assertThat(prof.selected()).isEqualTo(3);
    assertThat(prof.errors()).isEqualTo(1);
    assertThat(prof.firstError()).startsWith("4: attribute 'importer.hit_rate'");
  }

  private static RulesException catchRules(String text) {
    try {
      Rules.parse(text, "t");
    } catch (RulesException e) {
      return e;
    }
    throw new AssertionError("expected the rules to be refused");
  }

  @Test
  void everyPipelineFeatureIsVisibleToRulesByName() {
    // log_unit_value was refused as unknown while the README said all 69 features are visible
    RuleBook book = Rules.parse("rule \"dense\" when log_unit_value > 3 then add 0.1", "t");
    Declaration d = decl("1", LocalDate.of(2021, 1, 4), "080810", "US", 10, 50, false);
    assertThat(book.apply(d, 0.1, Map.of("log_unit_value", 3.5)).hits()).hasSize(1);
    assertThat(book.apply(d, 0.1, Map.of("log_unit_value", 2.5)).hits()).isEmpty();
    assertThat(book.apply(d, 0.1, Map.of()).errors()).extracting(e -> e.message())
        .containsExactly("feature 'log_unit_value' was not provided");
    List<String> names = org.riskgate.risk.features.FeaturePipeline.fit(List.of()).names();
    // 69 features, and the 4 parties' codes that only the neural models learn from
    assertThat(names).hasSize(73);
    for (String name : names) {
      // a category code that shares its bare name with a declaration field is reached as feature.NAME
      String ref = Fields.lookup(name).map(f -> f.type() == Fields.Type.TEXT).orElse(false) ? "feature." + name : name;
      RuleBook one = Rules.parse("rule \"r\" when " + ref + " >= 0 then add 0.1", "t");
      assertThat(one.apply(d, 0.1, Map.of(ref, 1.0)).hits()).as(ref).hasSize(1);
    }
    assertThatThrownBy(() -> Rules.parse("rule \"r\" when feature.nonsense > 0 then add 0.1", "t"))
        .hasMessageContaining("unknown feature 'nonsense'");
  }

  @Test
  void watchlistsAreTestedByNameAndFollowTheirChanges() {
    var steel = new org.riskgate.selectivity.watch.Watchlist("steel", org.riskgate.selectivity.watch.Watchlist.Kind.HS,
        "anti-dumping", java.util.Set.of("7208"));
    var shady = new org.riskgate.selectivity.watch.Watchlist("shady traders",
        org.riskgate.selectivity.watch.Watchlist.Kind.COMPANY, "", java.util.Set.of("IMP1"));
    java.util.concurrent.atomic.AtomicReference<org.riskgate.selectivity.watch.Watchlists> now =
        new java.util.concurrent.atomic.AtomicReference<>(org.riskgate.selectivity.watch.Watchlists.of(List.of(steel, shady)));
    org.riskgate.selectivity.watch.Watchlists live = new org.riskgate.selectivity.watch.Watchlists() {
      public Optional<org.riskgate.selectivity.watch.Watchlist> named(String name) {
        return now.get().named(name);
      }

      public List<org.riskgate.selectivity.watch.Watchlist> all() {
        return now.get().all();
      }
    };
    RuleBook book = Rules.parse("""
        rule "steel" when hs in watchlist "steel" then lane red
        rule "shady" when importer in watchlist "shady traders" and hs not in watchlist "steel" then add 0.2
        rule "shady-any" when importer in watchlist "shady traders" then add 0.1
        """, "t", live);
    Declaration d = decl("1", LocalDate.of(2021, 1, 4), "7208100000", "US", 10, 50, false);
    assertThat(book.apply(d, 0.1, Map.of()).hits()).extracting(RuleHit::ruleId).containsExactly("steel", "shady-any");
    assertThat(book.apply(decl("2", LocalDate.of(2021, 1, 4), "720910", "US", 10, 50, false), 0.1, Map.of()).hits())
        .extracting(RuleHit::ruleId).containsExactly("shady", "shady-any");
    // a supervisor empties the list: the next evaluation sees it; a deleted list is a rule error
    now.set(org.riskgate.selectivity.watch.Watchlists.of(List.of(shady)));
    RuleOutcome after = book.apply(d, 0.1, Map.of());
    assertThat(after.hits()).extracting(RuleHit::ruleId).containsExactly("shady-any");
    assertThat(after.errors()).extracting(e -> e.message()).containsExactly(
        "watchlist \"steel\" does not exist (any more)", "watchlist \"steel\" does not exist (any more)");
    // unknown lists and lists of the wrong kind are refused with their position
    assertThatThrownBy(() -> Rules.parse("rule \"x\" when seller in watchlist \"nope\" then add 0.1", "t", live))
        .hasMessageContaining("t:1:35").hasMessageContaining("no watchlist \"nope\"");
    assertThatThrownBy(() -> Rules.parse("rule \"x\" when origin in watchlist \"shady traders\" then add 0.1", "t", live))
        .hasMessageContaining("holds company values").hasMessageContaining("not origin");
  }

  @Test
  void aWatchlistFileNamesItsBadLine(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("lists.csv"), "watchlist,kind,entry\nsteel,hs,7208\nsteel,hs,72x\n");
    assertThatThrownBy(() -> org.riskgate.selectivity.watch.Watchlists.read(f))
        .hasMessageContaining("lists.csv:3: field entry: an HS watchlist entry is 2 to 10 digits: '72x'");
    Files.writeString(f, "steel,hs,7208\nsteel,hs,7209\nsanctioned,importer,IMP1\n");
    var lists = org.riskgate.selectivity.watch.Watchlists.read(f);
    assertThat(lists.named("steel").orElseThrow().entries()).containsExactlyInAnyOrder("7208", "7209");
    assertThat(lists.named("sanctioned").orElseThrow().contains("IMP1")).isTrue();
  }
}
