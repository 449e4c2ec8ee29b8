package org.riskgate.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.riskgate.core.Declaration;
import org.riskgate.core.evidence.EvidenceSource;
import org.riskgate.documents.DocumentEvidence;
import org.riskgate.hs.HsEvidence;
import org.riskgate.hs.HsToolkit;
import org.riskgate.profiles.ProfileConfig;
import org.riskgate.profiles.ProfileEvidence;
import org.riskgate.profiles.ProfileStore;
import org.riskgate.profiles.network.NetworkConfig;
import org.riskgate.profiles.network.NetworkEvidence;
import org.riskgate.profiles.network.NetworkFeatures;
import org.riskgate.profiles.network.TraderNetwork;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.Objective;
import org.riskgate.selectivity.BatchScorer;
import org.riskgate.selectivity.Capacity;
import org.riskgate.selectivity.Decision;
import org.riskgate.selectivity.rules.Rules;
import org.riskgate.selectivity.watch.WatchlistEvidence;
import org.riskgate.selectivity.watch.Watchlists;

/**
 * Evidence on Spark is the single machine's: party profiles summed with window functions, the
 * trader network from sums over the cluster, HS checks, document reports and watchlists, all
 * reaching the same rules and reasons as {@code riskgate score --history --network --hs-check
 * --documents --watchlists}.
 */
class SparkEvidenceTest {
  private static List<Declaration> past;
  private static Dataset<Row> history;
  private static Dataset<Row> valid;

  @BeforeAll
  static void data() throws Exception {
    past = LocalSpark.read(LocalSpark.TRAIN);
    history = LocalSpark.csv(LocalSpark.TRAIN);
    valid = LocalSpark.csv(LocalSpark.VALID);
  }

  @Test
  void profileFiguresSummedOnSparkAreThoseOfTheProfileStore() {
    ProfileStore store = ProfileStore.build(past, ProfileConfig.defaults());
    SparkPartyTallies.BaseRates base = SparkPartyTallies.baseRates(history);
    List<Row> rows = SparkPartyTallies.attach(valid, history, ProfileConfig.defaults()).collectAsList();
    assertThat(rows).hasSize(8134);
    long known = 0;
    for (Row r : rows) {
      Declaration d = DeclarationRows.toDeclaration(r);
      Map<String, Double> expected = store.features(d);
      Map<String, Double> actual = SparkPartyTallies.features(r, d.date(), base, ProfileConfig.defaults());
      assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
      expected.forEach((k, v) -> assertThat(actual.get(k)).as(d.id() + " " + k).isCloseTo(v, within(1e-9 * Math.max(1, Math.abs(v)))));
      known += expected.get("importer.declarations") > 0 ? 1 : 0;
    }
    // most importers of 2021Q1 traded in 2020: the comparison is over real histories, not zeros
    assertThat(known).isGreaterThan(4000);
  }

  @Test
  void networkBuiltFromSparkSumsIsTheSingleMachineNetwork() {
    LocalDate asOf = LocalDate.of(2021, 2, 1);
    TraderNetwork single = TraderNetwork.build(past, asOf, NetworkConfig.defaults());
    TraderNetwork spark = TraderNetwork.of(SparkNetwork.parts(history, asOf, NetworkConfig.defaults()), asOf,
        NetworkConfig.defaults());
    assertThat(spark.nodeCount()).isEqualTo(single.nodeCount());
    assertThat(spark.edgeCount()).isEqualTo(single.edgeCount());
    assertThat(spark.communityCount()).isEqualTo(single.communityCount());
    for (Declaration d : LocalSpark.read(LocalSpark.VALID)) {
      Map<String, Double> expected = single.features(d);
      Map<String, Double> actual = spark.features(d);
      expected.forEach((k, v) -> assertThat(actual.get(k)).as(d.id() + " " + k).isCloseTo(v, within(1e-9)));
    }
  }

  @Test
  void rulesOverEveryEvidenceSourceDecideOnSparkAsOnOneMachine() throws Exception {
    Path dir = Files.createTempDirectory("riskgate-evidence-");
    Path lists = Files.writeString(dir.resolve("lists.csv"), "watchlist,kind,entry\nsteel-watch,country,CN\n");
    // a suspicious stamp on the first twenty declarations of 2021Q1, as riskgate docs verify --json reports it
    StringBuilder lines = new StringBuilder();
    for (Declaration d : LocalSpark.read(LocalSpark.VALID).subList(0, 20)) {
      lines.append("{\"declaration_id\":\"").append(d.id()).append("\",\"document\":\"p.png\",\"issuer\":\"KR-017\","
          + "\"method\":\"best\",\"regions\":[{\"kind\":\"stamp\",\"box\":[1,2,300,300],\"confidence\":0.9,"
          + "\"similarity\":31.0,\"verdict\":\"suspicious\"}]}\n");
    }
    Path reports = Files.writeString(dir.resolve("reports.jsonl"), lines);
    Path rules = Files.writeString(dir.resolve("evidence.rules"), """
        rule "bad-record" owner "test"
          when importer.hit_rate > 0.3 and importer.inspected >= 3
          then lane red, reason "importer's record"
        rule "ring" owner "test"
          when net.declarant_new_importers >= 3
          then add 0.1, reason "declarant brings in new importers"
        rule "unknown-code" owner "test"
          when hs.not_in_nomenclature = 1
          then lane yellow, reason "code not in HS 2022"
        rule "forged" owner "test"
          when docs.suspicious = 1 and docs.stamp.worst_similarity < 50
          then lane red, reason "forged stamp"
        rule "watched-origin" owner "test"
          when origin in watchlist "steel-watch" and hs2 = "72"
          then add 0.2, reason "watched steel"
        """);
    Watchlists w = Watchlists.read(lists);
    Capacity cap = Capacity.parse("red=3,yellow=7", 1, false);
    Path bundleDir = LocalSpark.singleMachineBundle();
    EvidenceSource evidence = EvidenceSource.all(List.of(
        new ProfileEvidence(ProfileStore.build(past, ProfileConfig.defaults())::features),
        new NetworkEvidence(NetworkFeatures.monthly(past, NetworkConfig.defaults())),
        new HsEvidence(HsToolkit.builtIn()), DocumentEvidence.read(reports), new WatchlistEvidence(w)));
    Map<String, Decision> single = new HashMap<>();
    new BatchScorer(ModelBundle.load(bundleDir), Rules.load(rules, w), evidence,
        new BatchScorer.Options(cap, 11, 3, 200_000, Objective.FRAUDS))
        .score(LocalSpark.read(LocalSpark.VALID).iterator(), (d, dec) -> single.put(d.id(), dec), n -> { });

    List<Row> spark = SparkScoring.score(LocalSpark.spark(), valid, bundleDir, Optional.of(rules),
        new SparkScoring.Settings(cap, 11, 3, Objective.FRAUDS),
        new SparkScoring.EvidenceOptions(Optional.of(history), true, true, Optional.of(reports), w)).collectAsList();

    assertThat(spark).hasSize(single.size());
    Map<String, Long> fired = new HashMap<>();
    for (Row r : spark) {
      Decision d = single.get(r.getString(r.fieldIndex("declaration_id")));
      assertThat(r.getDouble(r.fieldIndex("risk_score"))).isCloseTo(d.score(), within(1e-6));
      assertThat(r.getString(r.fieldIndex("lane"))).isEqualTo(d.lane().label());
      assertThat(r.getString(r.fieldIndex("reasons"))).isEqualTo(d.reasonsText());
      d.rulesHit().forEach(h -> fired.merge(h.ruleId(), 1L, Long::sum));
    }
    // every source reached a rule, so the comparison covers each of them
    assertThat(fired).containsKeys("bad-record", "ring", "unknown-code", "forged", "watched-origin");
    assertThat(fired.get("forged")).isEqualTo(20L);
    assertThat(single.values().stream().map(Decision::reasonsText))
        .anyMatch(t -> t.contains("fraud found in")).anyMatch(t -> t.contains("watchlist"));
  }
}
