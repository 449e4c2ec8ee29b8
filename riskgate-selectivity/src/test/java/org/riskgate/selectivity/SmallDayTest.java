package org.riskgate.selectivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationReader;
import org.riskgate.core.RejectFile;
import org.riskgate.core.evidence.EvidenceSource;
import org.riskgate.risk.FeatureSet;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.Objective;
import org.riskgate.risk.RiskTraining;
import org.riskgate.selectivity.simulate.SimulatorTest;

/**
 * A day too small for the red share to make a whole slot: a declaration worth red is told plainly
 * that there was no slot, never "rank 1 of 0 red slots".
 */
class SmallDayTest {
  static final LocalDate DAY = LocalDate.of(2021, 2, 1);
  static ModelBundle bundle;
  @TempDir static Path dir;

  @BeforeAll
  static void fit() throws Exception {
    Path train = Path.of("../data/customs/df_syn_train_eng.csv");
    List<Declaration> december = DeclarationReader.readAll(train, ColumnMapping.defaults(),
        new RejectFile(dir.resolve("r.csv"))).stream().filter(d -> d.date().getMonthValue() == 12).toList();
    // the score is the logistic of the declared price's log, less 12: a price of 1e9 scores 1.000
    bundle = RiskTraining.fit(RiskTraining.prepare(december, Optional.empty()), SimulatorTest.priceTrainer(),
        FeatureSet.ALL, new RiskTraining.Source(train, 0, Optional.empty()));
  }

  static Declaration decl(String id, double price, String hs) {
    return new Declaration(id, DAY, "30", "B", "11", "21", "11", "10", "D1", "I" + id, "", "", hs, "CN", "CN", 8.0,
        "A", "G", 10, price, Optional.empty(), OptionalDouble.empty(), "");
  }

  static List<Decision> day(int n, RuleSet rules) {
    List<Declaration> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(decl("d" + i, 1e9 + i, "850440"));
    }
    return new Decider(bundle, rules, EvidenceSource.NONE, new Decider.Settings(Objective.FRAUDS, 0, 1))
        .decide(rows, new LanePolicy.ByCapacity(new Capacity(3, 7, 0, false)));
  }

  @Test
  void aDayOfSixteenHasNoRedSlotAndSaysSo() {
    assertThat(Capacity.slots(16, 3)).isZero();
    assertThat(Capacity.slots(17, 3)).isOne();
    List<Decision> one = day(1, RuleSet.NONE);
    assertThat(one.get(0).lane()).isEqualTo(Lane.GREEN);
    Reason first = one.get(0).reasons().get(0);
    assertThat(first.source()).isEqualTo("capacity");
    assertThat(first.decisive()).isTrue();
    assertThat(first.text()).isEqualTo(String.format(Locale.ROOT,
        "no red slot of the day: 3 %% of 1 declaration rounds to none (score %.3f)", one.get(0).score()));
    assertThat(first.text(Locale.KOREAN)).isEqualTo(String.format(Locale.ROOT,
        "당일 적색 슬롯 없음: 신고 1건의 3 %%는 반올림하면 0건입니다 (점수 %.3f)", one.get(0).score()));
    for (Decision d : day(16, RuleSet.NONE)) {
      assertThat(d.lane()).isNotEqualTo(Lane.RED);
      assertThat(d.reasons().get(0).text()).startsWith("no red slot of the day: 3 % of 16 declarations rounds to none")
          .doesNotContain("rank");
    }
    // a day of 17 makes one slot, and the others are ranked against it as before
    List<Decision> seventeen = day(17, RuleSet.NONE);
    assertThat(seventeen).filteredOn(d -> d.lane() == Lane.RED).hasSize(1);
    assertThat(seventeen).filteredOn(d -> d.lane() != Lane.RED).allSatisfy(d ->
        assertThat(d.reasons().get(0).text()).startsWith("capacity full: rank ").contains(" of 1 red slots of the day"));
  }

  @Test
  void slotsTakenByRulesAreSaidToBeTaken() {
    RuleSet steel = org.riskgate.selectivity.rules.Rules.parse("""
        rule "first" when id = "d0" then lane red, reason "the first is inspected"
        """, "test");
    List<Decision> out = day(17, steel);
    assertThat(out.get(0).lane()).isEqualTo(Lane.RED);
    assertThat(out.subList(1, 17)).allSatisfy(d -> {
      assertThat(d.lane()).isNotEqualTo(Lane.RED);
      assertThat(d.reasons().get(0).text()).isEqualTo(String.format(Locale.ROOT,
          "capacity full: the 1 red slot of the day went to rules and random picks (score %.3f)", d.score())
          + (d.lane() == Lane.YELLOW ? "; documentary check instead" : ""));
    });
  }
}
