package org.riskgate.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.Objective;
import org.riskgate.selectivity.BatchScorer;
import org.riskgate.selectivity.Capacity;
import org.riskgate.selectivity.Decision;
import org.riskgate.selectivity.rules.Rules;

/** Scoring on Spark decides as {@code riskgate score} does: same scores, lanes, picks and reasons. */
class SparkScoringTest {
  private static Path bundleDir;
  private static Path rules;

  @BeforeAll
  static void bundle() throws Exception {
    bundleDir = LocalSpark.singleMachineBundle();
    rules = Files.writeString(Files.createTempDirectory("riskgate-rules-").resolve("lanes.rules"), """
        rule "chinese-steel" owner "test"
          when hs2 = "72" and origin = "CN"
          then lane red, reason "steel from CN"
        rule "pricey" owner "test"
          when item_price > 5000000
          then add 0.2, reason "high value"
        """);
  }

  @Test
  void decisionsOnSparkAreThoseOfTheSingleMachineScorer() throws Exception {
    Capacity cap = Capacity.parse("red=3,yellow=7", 1, false);
    ModelBundle bundle = ModelBundle.load(bundleDir);
    Map<String, Decision> single = new HashMap<>();
    new BatchScorer(bundle, Rules.load(rules), new BatchScorer.Options(cap, 11, 3, 200_000, Objective.FRAUDS))
        .score(LocalSpark.read(LocalSpark.VALID).iterator(), (d, dec) -> single.put(d.id(), dec), n -> { });

    List<Row> spark = SparkScoring.score(LocalSpark.spark(), LocalSpark.csv(LocalSpark.VALID), bundleDir,
        Optional.of(rules), new SparkScoring.Settings(cap, 11, 3, Objective.FRAUDS)).collectAsList();

    assertThat(spark).hasSize(single.size());
    Map<String, Long> lanes = new HashMap<>();
    long picks = 0;
    long ruled = 0;
    for (Row r : spark) {
      Decision d = single.get(r.getString(r.fieldIndex("declaration_id")));
      assertThat(r.getDouble(r.fieldIndex("model_score"))).isCloseTo(d.modelScore(), org.assertj.core.data.Offset.offset(1e-6));
      assertThat(r.getDouble(r.fieldIndex("risk_score"))).isCloseTo(d.score(), org.assertj.core.data.Offset.offset(1e-6));
      assertThat(r.getString(r.fieldIndex("lane"))).isEqualTo(d.lane().label());
      assertThat(r.getBoolean(r.fieldIndex("random_pick"))).isEqualTo(d.randomPick());
      assertThat(r.getString(r.fieldIndex("reasons"))).isEqualTo(d.reasonsText());
      lanes.merge(d.lane().label(), 1L, Long::sum);
      picks += d.randomPick() ? 1 : 0;
      ruled += d.rulesHit().isEmpty() ? 0 : 1;
    }
    // the comparison covers every kind of decision
    assertThat(lanes).containsKeys("red", "yellow", "green");
    assertThat(picks).isGreaterThan(40);
    assertThat(ruled).isGreaterThan(10);
  }
}
