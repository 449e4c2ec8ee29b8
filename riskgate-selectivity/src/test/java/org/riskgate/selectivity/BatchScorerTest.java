package org.riskgate.selectivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationReader;
import org.riskgate.core.RejectFile;
import org.riskgate.risk.FeatureSet;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.Objective;
import org.riskgate.risk.RiskTraining;
import org.riskgate.risk.xgboost.XGBoostOptions;
import org.riskgate.risk.xgboost.XGBoostTrainer;

class BatchScorerTest {
  static ModelBundle bundle;
  static List<Declaration> valid;
  @TempDir static Path dir;

  @BeforeAll
  static void train() throws Exception {
    Path train = Path.of("../data/customs/df_syn_train_eng.csv");
    List<Declaration> rows = DeclarationReader.readAll(train, ColumnMapping.defaults(), new RejectFile(dir.resolve("r.csv")));
    valid = DeclarationReader.readAll(Path.of("../data/customs/df_syn_valid_eng.csv"), ColumnMapping.defaults(),
        new RejectFile(dir.resolve("r2.csv")));
    RiskTraining.Prepared p = RiskTraining.prepare(rows, Optional.empty());
    bundle = RiskTraining.fit(p, new XGBoostTrainer(new XGBoostOptions(150, 20, 0.15, 4, 3, 0.8, 0.7, 2, 1)), FeatureSet.ALL,
        new RiskTraining.Source(train, 0, Optional.empty()));
  }

  private static Map<String, Decision> run(List<Declaration> in, RuleSet rules, int window) {
    Map<String, Decision> out = new LinkedHashMap<>();
    new BatchScorer(bundle, rules, new BatchScorer.Options(new Capacity(3, 7, 1, false), 5, 3, window))
        .score(in.iterator(), (d, dec) -> out.put(d.id(), dec), n -> { });
    return out;
  }

  @Test
  void everyDayGetsItsOwnCapacityWhateverTheWindow() {
    List<Declaration> month = valid.stream().filter(d -> d.date().getMonthValue() == 1).toList();
    Map<String, Decision> small = run(month, RuleSet.NONE, 500);
    Map<String, Decision> large = run(month, RuleSet.NONE, 1_000_000);
    assertThat(small).hasSize(month.size());
    Map<LocalDate, int[]> perDay = new LinkedHashMap<>();
    for (Declaration d : month) {
      int[] c = perDay.computeIfAbsent(d.date(), k -> new int[3]);
      c[0]++;
      c[1] += small.get(d.id()).lane() == Lane.RED ? 1 : 0;
      c[2] += small.get(d.id()).lane() == Lane.YELLOW ? 1 : 0;
      assertThat(small.get(d.id()).lane()).isEqualTo(large.get(d.id()).lane());
    }
    perDay.values().forEach(c -> {
      assertThat(c[1]).isEqualTo((int) Math.floor(c[0] * 0.03 + 0.5));
      assertThat(c[2]).isEqualTo((int) Math.floor(c[0] * 0.07 + 0.5));
    });
  }

  /** The reader fills its queue while scoring lags behind: the end of the input must still arrive. */
  @Test
  void aSlowScorerStillSeesTheEndOfALongInput() {
    List<Declaration> rows = new ArrayList<>();
    while (rows.size() < 150_000) {
      rows.addAll(valid);
    }
    rows.sort(java.util.Comparator.comparing(Declaration::date));
    long[] seen = {0};
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(1), () ->
        new BatchScorer(bundle, RuleSet.NONE, new BatchScorer.Options(Capacity.DEFAULT, 1, 0, 2_000))
            .score(rows.iterator(), (d, dec) -> seen[0]++, n -> { }));
    assertThat(seen[0]).isEqualTo(rows.size());
  }

  @Test
  void redAndYellowDecisionsCarryModelReasonsAndProvenance() {
    Map<String, Decision> out = run(valid.subList(0, 2_000), RuleSet.NONE, 100_000);
    List<Decision> red = out.values().stream().filter(d -> d.lane() == Lane.RED && !d.randomPick()).toList();
    assertThat(red).isNotEmpty().allSatisfy(d -> {
      // the decisive reason first: the score's rank within the day's red slots; then what made it
      assertThat(d.reasons().get(0).decisive()).isTrue();
      assertThat(d.reasons().get(0).text()).matches("score 0\\.\\d{3}: rank \\d+ of \\d+ red slots of the day");
      assertThat(d.reasons().subList(1, d.reasons().size())).isNotEmpty()
          .allMatch(r -> r.source().equals("model") && r.weight() > 0 && !r.decisive());
      assertThat(d.context().rank()).isBetween(1, d.context().redSlots());
      assertThat(d.modelBundleId()).isEqualTo(bundle.id());
    });
    assertThat(out.values().stream().filter(Decision::randomPick))
        .allSatisfy(d -> assertThat(d.reasons().get(0).source()).isEqualTo("random"));
  }

  @Test
  void inputOrderDoesNotChangeAnyDecisionWhenTheWindowHoldsTheFile() {
    List<Declaration> shuffled = new ArrayList<>(valid.subList(0, 3_000));
    Collections.shuffle(shuffled, new java.util.Random(3));
    Map<String, Decision> a = run(valid.subList(0, 3_000), RuleSet.NONE, 10_000);
    Map<String, Decision> b = run(shuffled, RuleSet.NONE, 10_000);
    a.forEach((id, d) -> assertThat(b.get(id).score()).isEqualTo(d.score()));
  }

  @Test
  void rulesForceLanesAddScoreAndNeverStopScoring() {
    String target = valid.get(10).importerId();
    RuleSet rules = (d, score, attributes) -> {
      if (d.importerId().equals(target)) {
        return new RuleOutcome(List.of(new RuleHit("watch-importer", "importer on the watch list",
            Optional.of(Lane.RED), 0.0)), List.of());
      }
      if (attributes.get("tax_rate") != null && attributes.get("tax_rate") > 20) {
        return new RuleOutcome(List.of(), List.of(new RuleError("broken", org.riskgate.core.evidence.Phrase.of(
            org.riskgate.selectivity.rules.RuleProblem.BUNDLE, "written", "division by zero"))));
      }
      return RuleOutcome.NONE;
    };
    Map<String, Decision> out = run(valid.subList(0, 2_000), rules, 100_000);
    valid.subList(0, 2_000).stream().filter(d -> d.importerId().equals(target)).forEach(d -> {
      Decision dec = out.get(d.id());
      assertThat(dec.lane()).isEqualTo(Lane.RED);
      assertThat(dec.rulesHit()).extracting(RuleHit::ruleId).containsExactly("watch-importer");
      assertThat(dec.reasons().get(0).text()).isEqualTo("importer on the watch list");
    });
    assertThat(out.values().stream().filter(d -> !d.ruleErrors().isEmpty()))
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d.reasonsText()).contains("rule skipped: division by zero"));
  }

  @Test
  void theRevenueObjectiveSpendsRedOnTheHighestExpectedTaxAndSaysSo() {
    LocalDate busiest = valid.stream().collect(java.util.stream.Collectors.groupingBy(Declaration::date,
        java.util.stream.Collectors.counting())).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    List<Declaration> day = valid.stream().filter(d -> d.date().equals(busiest)).toList();
    Map<String, Decision> out = new LinkedHashMap<>();
    new BatchScorer(bundle, RuleSet.NONE,
        new BatchScorer.Options(new Capacity(3, 7, 0, false), 5, 3, 1_000_000, Objective.REVENUE))
        .score(day.iterator(), (d, dec) -> out.put(d.id(), dec), n -> { });
    List<Double> expected = day.stream()
        .map(d -> Objective.REVENUE.priority(out.get(d.id()).score(), d)).sorted(Collections.reverseOrder()).toList();
    int red = (int) out.values().stream().filter(d -> d.lane() == Lane.RED).count();
    assertThat(red).isPositive();
    double cut = expected.get(red - 1);
    for (Declaration d : day) {
      Decision dec = out.get(d.id());
      double priority = Objective.REVENUE.priority(dec.score(), d);
      if (dec.lane() == Lane.RED) {
        assertThat(priority).as(d.id()).isGreaterThanOrEqualTo(cut);
        assertThat(dec.reasons().get(0).text()).startsWith("expected tax recovered ");
      } else {
        assertThat(priority).as(d.id()).isLessThanOrEqualTo(cut);
      }
    }
  }

  @Test
  void evaluationUnderTheRevenueObjectiveRanksByExpectedTaxAndCatchesMoreOfIt() {
    var frauds = org.riskgate.risk.Evaluator.evaluate(bundle, valid);
    var revenue = org.riskgate.risk.Evaluator.evaluate(bundle, valid, Objective.REVENUE);
    assertThat(revenue.scores()).containsExactly(frauds.scores());
    for (int i = 0; i < revenue.scores().length; i++) {
      assertThat(revenue.ranking()[i]).isEqualTo(revenue.scores()[i] * Objective.declaredTax(revenue.declarations().get(i)));
    }
    assertThat(revenue.label()).isEqualTo(frauds.label() + " (revenue)");
    assertThat(revenue.metrics().at(5).revenue()).isGreaterThan(frauds.metrics().at(5).revenue());
    assertThat(revenue.metrics().at(5).precision()).isLessThan(frauds.metrics().at(5).precision());
  }

  @Test
  void reportIsWrittenWithPlots() throws Exception {
    var ev = org.riskgate.risk.Evaluator.evaluate(bundle, valid);
    Path html = org.riskgate.selectivity.report.EvaluationReport.write(dir.resolve("report"), "valid.csv",
        List.of(new org.riskgate.selectivity.report.EvaluationReport.Entry(ev, bundle.provenance())), Capacity.DEFAULT);
    String page = Files.readString(html);
    assertThat(page).contains("Risk model evaluation", "ROC", "Scores by lane", bundle.id());
    assertThat(page.split("data:image/png;base64,").length - 1).isEqualTo(3);
  }

  private static final Decider.Settings SETTINGS = new Decider.Settings(Objective.FRAUDS, 3, 5);

  private static Map<String, Decision> batch(List<Declaration> in, RuleSet rules,
      org.riskgate.core.evidence.EvidenceSource evidence, LanePolicy policy) {
    Map<String, Decision> out = new LinkedHashMap<>();
    new BatchScorer(bundle, rules, evidence, new BatchScorer.Options(policy, 5, 3, 100_000, Objective.FRAUDS))
        .score(in.iterator(), (d, dec) -> out.put(d.id(), dec), n -> { });
    return out;
  }

  /** A decision without its time: what must agree whichever path decided. */
  private static Decision timeless(Decision d) {
    return new Decision(d.declarationId(), d.modelScore(), d.score(), d.lane(), d.randomPick(), d.reasons(),
        d.rulesHit(), d.ruleErrors(), d.modelBundleId(), java.time.Instant.EPOCH, d.context());
  }

  private static final RuleSet FORCING = org.riskgate.selectivity.rules.Rules.parse("""
      rule "steel" when hs2 = "72" then lane red, reason "steel is inspected"
      rule "cheap-per-kg" when log_unit_value < 1 then add 0.05, reason "unit value under e per kg"
      """, "test");

  @Test
  void batchAndSingleDeclarationsGetTheSameDecisionsUnderTheSamePolicy() {
    List<Declaration> rows = valid.subList(0, 3_000);
    LanePolicy t = new LanePolicy.ByThresholds(0.8, 0.5, 2);
    Map<String, Decision> batch = batch(rows, FORCING, EvidenceSourceForTest.HIGH_VALUE, t);
    Decider single = new Decider(bundle, FORCING, EvidenceSourceForTest.HIGH_VALUE, SETTINGS);
    Map<Lane, Integer> lanes = new java.util.EnumMap<>(Lane.class);
    int picks = 0;
    for (Declaration d : rows) {
      Decision one = single.decideOne(d, t);
      assertThat(timeless(one)).as(d.id()).isEqualTo(timeless(batch.get(d.id())));
      lanes.merge(one.lane(), 1, Integer::sum);
      picks += one.randomPick() ? 1 : 0;
    }
    // the comparison covers every kind of decision
    assertThat(lanes).containsKeys(Lane.RED, Lane.YELLOW, Lane.GREEN);
    assertThat(picks).isPositive();
    assertThat(batch.values()).anyMatch(d -> !d.rulesHit().isEmpty());
  }

  @Test
  void thresholdsTakenFromADaysCapacityGiveTheSingleDeclarationsTheBatchsLanesAndScores() {
    LocalDate busiest = valid.stream().collect(java.util.stream.Collectors.groupingBy(Declaration::date,
        java.util.stream.Collectors.counting())).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    List<Declaration> day = valid.stream().filter(d -> d.date().equals(busiest)).toList();
    Map<String, Decision> batch = batch(day, FORCING, org.riskgate.core.evidence.EvidenceSource.NONE,
        new LanePolicy.ByCapacity(new Capacity(3, 7, 0, false)));
    DecisionContext c = batch.values().iterator().next().context();
    assertThat(c.redSlots()).isPositive();
    // the thresholds the day's capacity drew: the lowest score that went red, and yellow
    Decider single = new Decider(bundle, FORCING, org.riskgate.core.evidence.EvidenceSource.NONE, SETTINGS);
    LanePolicy t = new LanePolicy.ByThresholds(c.redFrom(), c.yellowFrom(), 0);
    for (Declaration d : day) {
      Decision one = single.decideOne(d, t);
      Decision b = batch.get(d.id());
      assertThat(one.score()).isEqualTo(b.score());
      assertThat(one.modelScore()).isEqualTo(b.modelScore());
      assertThat(one.lane()).as(d.id()).isEqualTo(b.lane());
      // what made the score is the same; only the decisive reason names the policy
      assertThat(one.reasons().stream().filter(r -> !r.decisive()).toList())
          .isEqualTo(b.reasons().stream().filter(r -> !r.decisive()).toList());
    }
  }

  @Test
  void aRandomPickIsOnlyOneTheModelWouldNotHaveMade() {
    List<Declaration> rows = valid.subList(0, 2_000);
    // every declaration under red is drawn at random: those above it are red by the model
    Decider d = new Decider(bundle, RuleSet.NONE, org.riskgate.core.evidence.EvidenceSource.NONE, SETTINGS);
    List<Decision> out = d.decide(rows, new LanePolicy.ByThresholds(0.9, 0.5, 100));
    assertThat(out).anyMatch(x -> x.score() >= 0.9);
    for (Decision x : out) {
      assertThat(x.lane()).isEqualTo(Lane.RED);
      assertThat(x.randomPick()).as(x.declarationId()).isEqualTo(x.score() < 0.9);
      assertThat(x.reasons().get(0).source()).isEqualTo(x.randomPick() ? "random" : "model");
      assertThat(x.reasons().get(0).decisive()).isTrue();
    }
  }

  @Test
  void aRuleThatForcesRedIsTheDecisiveReasonAndAFullCapacitySaysSo() {
    LocalDate busiest = valid.stream().collect(java.util.stream.Collectors.groupingBy(Declaration::date,
        java.util.stream.Collectors.counting())).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    List<Declaration> day = valid.stream().filter(d -> d.date().equals(busiest)).toList();
    // a tiny red capacity per office: high scores are left out, and must say why
    Map<String, Decision> out = batch(day, FORCING, org.riskgate.core.evidence.EvidenceSource.NONE,
        new LanePolicy.ByCapacity(new Capacity(1, 1, 0, true), 0.5));
    List<Decision> forced = out.values().stream().filter(x -> x.rulesHit().stream()
        .anyMatch(h -> h.ruleId().equals("steel"))).toList();
    assertThat(forced).isNotEmpty().allSatisfy(x -> {
      assertThat(x.lane()).isEqualTo(Lane.RED);
      assertThat(x.reasons().get(0)).isEqualTo(new Reason("rule:steel", "steel is inspected", 0, true));
      assertThat(x.context().rank()).isZero();
    });
    List<Decision> leftOut = out.values().stream().filter(x -> x.lane() != Lane.RED && x.score() >= 0.5
        && x.rulesHit().stream().noneMatch(h -> h.forcedLane().isPresent())).toList();
    assertThat(leftOut).isNotEmpty().allSatisfy(x -> {
      Reason first = x.reasons().get(0);
      assertThat(first.source()).isEqualTo("capacity");
      assertThat(first.decisive()).isTrue();
      String instead = x.lane() == Lane.YELLOW ? "; documentary check instead" : "";
      int group = x.context().group();
      int slots = Capacity.slots(group, 1);
      // never "rank 1 of 0 red slots": a day without a slot left by priority says why there is none
      String expected = x.context().redSlots() > 0
          ? String.format(java.util.Locale.ROOT, "capacity full: rank %d of %d red slots at office %s (score %.3f)%s",
              x.context().rank(), x.context().redSlots(), x.context().office(), x.score(), instead)
          : slots == 0
              ? String.format(java.util.Locale.ROOT, "no red slot at office %s: 1 %% of %d declaration%s rounds to none"
                  + " (score %.3f)%s", x.context().office(), group, group == 1 ? "" : "s", x.score(), instead)
              : String.format(java.util.Locale.ROOT, "capacity full: the %d red slot%s at office %s went to rules and"
                  + " random picks (score %.3f)%s", slots, slots == 1 ? "" : "s", x.context().office(), x.score(), instead);
      assertThat(first.text()).isEqualTo(expected);
      assertThat(x.context().rank()).isGreaterThan(x.context().redSlots());
    });
  }

  @Test
  void evidenceReachesRulesAndReasons() {
    RuleSet rules = org.riskgate.selectivity.rules.Rules.parse("""
        rule "valuable" when test.high_value = 1 then lane yellow, reason "high value by the test check"
        """, "test");
    Map<String, Decision> out = batch(valid.subList(0, 2_000), rules, EvidenceSourceForTest.HIGH_VALUE,
        new LanePolicy.ByCapacity(Capacity.DEFAULT));
    List<Decision> valuable = valid.subList(0, 2_000).stream().filter(d -> d.itemPrice() > 5_000_000)
        .map(d -> out.get(d.id())).toList();
    assertThat(valuable).isNotEmpty().allSatisfy(x -> {
      assertThat(x.rulesHit()).extracting(RuleHit::ruleId).contains("valuable");
      assertThat(x.reasons()).anyMatch(r -> r.source().equals("profile") && r.text().startsWith("item price "));
    });
  }

  /** A check that flags expensive declarations, standing in for a capability's evidence source. */
  private static final class EvidenceSourceForTest {
    static final org.riskgate.core.evidence.EvidenceSource HIGH_VALUE = d -> d.itemPrice() > 5_000_000
        ? new org.riskgate.core.evidence.Evidence(Map.of("test.high_value", 1.0), List.of(
            new org.riskgate.core.evidence.Finding(org.riskgate.core.evidence.EvidenceKind.PROFILE,
                "item price " + Math.round(d.itemPrice()))))
        : new org.riskgate.core.evidence.Evidence(Map.of("test.high_value", 0.0), List.of());
  }
}
