package org.riskgate.server.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationReader;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.Objective;
import org.riskgate.selectivity.Capacity;
import org.riskgate.selectivity.Lane;
import org.riskgate.selectivity.RuleSet;
import org.riskgate.server.Fixtures;
import org.riskgate.server.Platform;
import org.riskgate.server.store.DeclarationStore;

/** Single-declaration decisions: the same score as the booster, lanes by calibrated thresholds. */
class DecisionServiceTest {
  static ModelBundle bundle;
  static List<Declaration> period;

  @BeforeAll
  static void load() throws Exception {
    bundle = ModelBundle.load(Fixtures.bundle());
    period = DeclarationReader.readAll(Fixtures.DATA.resolve("df_syn_valid_eng.csv"), ColumnMapping.defaults(),
        new Platform.Collected()).subList(0, 300);
  }

  @Test
  void theSingleDeclarationScoreIsTheBoostersScore() {
    DecisionService s = new DecisionService(new DecisionService.Config(bundle, RuleSet.NONE, "",
        new Capacity(3, 7, 0, false), Objective.FRAUDS, new Thresholds(0.9, 0.6, 1)));
    int w = bundle.features().width();
    float[] x = new float[w];
    for (Declaration d : period) {
      bundle.features().describe(d, x, 0);
      double native_ = bundle.model().score(x, 1, w)[0];
      DeclarationStore.Decided one = s.decideOne(d, "t");
      assertThat(one.decision().modelScore()).isCloseTo(native_, within(1e-4));
      Lane expected = one.decision().score() >= 0.9 ? Lane.RED : one.decision().score() >= 0.6 ? Lane.YELLOW : Lane.GREEN;
      assertThat(one.decision().lane()).isEqualTo(expected);
      if (expected != Lane.GREEN) {
        assertThat(one.decision().reasons()).isNotEmpty().allSatisfy(r -> assertThat(r.source()).isEqualTo("model"));
      }
    }
  }

  @Test
  void thresholdsSendTheCapacitySharesOfRecentTraffic() {
    double[] scores = new double[1000];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = i / 1000.0;
    }
    Thresholds t = Thresholds.calibrate(scores, new Capacity(3, 7, 1, false));
    // red by score: 3 % - 1 % random = top 20 of 1000; yellow: the next 70
    assertThat(t.red()).isEqualTo(0.980);
    assertThat(t.yellow()).isEqualTo(0.910);
    assertThat(Thresholds.calibrate(new double[0], Capacity.DEFAULT).red()).isInfinite();
  }

  @Test
  void underTheRevenueObjectiveASingleDeclarationIsJudgedByItsExpectedTax() {
    // red from an expected tax recovered of 1,000,000, yellow from 100,000
    DecisionService s = new DecisionService(new DecisionService.Config(bundle, RuleSet.NONE, "",
        new Capacity(3, 7, 0, false), Objective.REVENUE, new Thresholds(1_000_000, 100_000, 1)));
    int lanes = 0;
    for (Declaration d : period) {
      DeclarationStore.Decided one = s.decideOne(d, "t");
      double expected = one.decision().score() * Objective.declaredTax(d);
      Lane lane = expected >= 1_000_000 ? Lane.RED : expected >= 100_000 ? Lane.YELLOW : Lane.GREEN;
      assertThat(one.decision().lane()).as(d.id()).isEqualTo(lane);
      if (lane != Lane.GREEN) {
        lanes++;
        assertThat(one.decision().reasons().get(0).text()).startsWith("expected tax recovered ");
      }
    }
    assertThat(lanes).as("some declarations are worth inspecting for their tax").isPositive();
  }

  @Test
  void aBatchGetsExactDailyShares() {
    DecisionService s = new DecisionService(new DecisionService.Config(bundle, RuleSet.NONE, "",
        new Capacity(3, 7, 0, false), Objective.FRAUDS,
        new Thresholds(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0)));
    List<DeclarationStore.Decided> out = s.decideBatch(period, "t");
    assertThat(out).hasSize(period.size());
    long red = out.stream().filter(d -> d.decision().lane() == Lane.RED).count();
    long days = period.stream().map(Declaration::date).distinct().count();
    // per day, round(3 % of the day's declarations) go red: never more than 3 % + one per day
    assertThat(red).isPositive().isLessThanOrEqualTo(Math.round(period.size() * 0.03) + days);
    assertThat(Optional.of(out.get(0).decision().bundleId())).hasValue(bundle.id());
  }
}
