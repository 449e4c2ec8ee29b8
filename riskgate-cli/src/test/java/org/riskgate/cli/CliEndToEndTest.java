package org.riskgate.cli;

import static org.riskgate.cli.CliRun.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands as a user runs them: train, evaluate, score with rules and a broken row. */
class CliEndToEndTest {
  @TempDir Path dir;

  /** The first {@code n} rows of a bundled file, plus whatever extra lines a test needs. */
  private Path slice(String name, int n, String... extra) throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("../data/customs", name)).subList(0, n + 1));
    lines.addAll(List.of(extra));
    Path f = dir.resolve(name);
    Files.write(f, lines);
    return f;
  }

  @Test
  void trainEvaluateScore() throws Exception {
    Path train = Path.of("../data/customs/df_syn_train_eng.csv");
    Path valid = slice("df_syn_valid_eng.csv", 2_000,
        "123,2021-01-05,30,B,11,21,11,10,D,I,S,,44A890,BE,BE,0.0,FEU1,G,108.0,372254.4,0,0");
    Path model = dir.resolve("model");

    CliRun t = run("train", "--train", train.toString(), "--model", model.toString());
    assertThat(t.code()).as(t.err()).isZero();
    assertThat(t.out()).contains("37,385 declarations", "blend ");
    assertThat(Files.readString(model.resolve("provenance.json")))
        .contains("\"trainer\" : \"blend\"", "\"xgboost.features\" : \"declaration\"", "\"random-forest.features\" : \"all\"");
    assertThat(model.resolve("blend/parts.json")).exists();

    CliRun e = run("evaluate", "--model", model.toString(), "--data", valid.toString(), "--objective", "frauds,revenue");
    assertThat(e.code()).as(e.err()).isZero();
    assertThat(e.out()).contains("| blend |", "| blend (revenue) |", "1 rejected", "44A890", "report:");
    assertThat(model.resolve("report/index.html")).exists();

    Path rules = dir.resolve("watch.rules");
    String importer = Files.readAllLines(valid).get(1).split(",")[9];
    Files.writeString(rules, "rule \"watch\" owner \"test\"\n  when importer = \"" + importer
        + "\"\n  then lane red, reason \"importer on the watch list\"\n"
        + "rule \"busy-importer\"\n  when importer.declarations > 1000000\n  then lane red\n");
    Path out = dir.resolve("out/decisions.csv");
    CliRun s = run("score", "--model", model.toString(), "--input", valid.toString(), "--output", out.toString(),
        "--capacity", "red=2,yellow=8", "--random-share", "1", "--rules", rules.toString(),
        "--history", train.toString());
    assertThat(s.code()).as(s.err()).isZero();
    assertThat(s.out()).contains("scored 2,000 declarations", "rejected 1 rows", "rules:", "0 errors");
    List<String> rows = Files.readAllLines(out);
    assertThat(rows.get(0)).startsWith("declaration_id,date,office_id,importer_id,hs_code,risk_score,model_score,lane");
    assertThat(rows).hasSize(2_001);
    assertThat(rows.stream().filter(r -> r.contains(",red,")).count()).isGreaterThanOrEqualTo(30);
    assertThat(rows.stream().filter(r -> r.contains(",watch,")).toList())
        .isNotEmpty().allMatch(r -> r.contains(",red,") && r.contains("importer on the watch list"));
    assertThat(Files.readString(dir.resolve("out/decisions.csv.rejects.csv")))
        .contains("df_syn_valid_eng.csv,2002,HS6 Code,44A890,HS code must be digits");

    Path byRevenue = dir.resolve("out/revenue.csv");
    CliRun rev = run("score", "--model", model.toString(), "--input", valid.toString(), "--output", byRevenue.toString(),
        "--objective", "revenue");
    assertThat(rev.code()).as(rev.err()).isZero();
    assertThat(Files.readAllLines(byRevenue).stream().filter(l -> l.contains(",red,")).toList())
        .isNotEmpty().allMatch(l -> l.contains("expected tax recovered "));
    CliRun unknown = run("score", "--model", model.toString(), "--input", valid.toString(), "--output", byRevenue.toString(),
        "--objective", "tax");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("--objective", "FRAUDS, REVENUE");

    // the HS check: beef declared under a wood heading is flagged, and a rule acts on the flag
    List<String> valid3 = Files.readAllLines(valid).subList(0, 4);
    Path described = dir.resolve("described.csv");
    Files.write(described, List.of(valid3.get(0) + ",Item Description",
        valid3.get(1).replaceFirst(",\\d{6},", ",440890,") + ",frozen boneless beef",
        valid3.get(2) + ",",
        valid3.get(3) + ",\"\""));
    Path hsRules = dir.resolve("hs.rules");
    Files.writeString(hsRules, "rule \"wrong-code\"\n  when hs.mismatch = 1\n  then lane red, reason \"declared code does not fit the goods\"\n");
    Path hsOut = dir.resolve("out/hs.csv");
    CliRun h = run("score", "--model", model.toString(), "--input", described.toString(), "--output", hsOut.toString(),
        "--hs-check", "--rules", hsRules.toString());
    assertThat(h.code()).as(h.err()).isZero();
    List<String> decided = Files.readAllLines(hsOut);
    assertThat(decided.get(1)).contains(",red,", "wrong-code", "declared code does not fit the goods");
    assertThat(decided.subList(2, 4)).noneMatch(r -> r.contains(",wrong-code,"));

    everyCheckReachesRulesAndReasons(model, valid, train);
  }

  /**
   * Every evidence source in one scoring run: each reaches a rule (the rule hits) and a reason
   * named after its source; a feature of the pipeline is tested by its name.
   */
  private void everyCheckReachesRulesAndReasons(Path model, Path valid, Path train) throws Exception {
    List<String> v = Files.readAllLines(valid).subList(0, 2_001);
    List<String> rows = new ArrayList<>();
    rows.add(v.get(0) + ",Item Description");
    // a code that is not in HS 2022, without a description; laptops declared as swimwear
    rows.add(v.get(1).replaceFirst(",\\d{6},", ",999999,") + ",");
    rows.add(v.get(2).replaceFirst(",\\d{6},", ",611241,") + ",laptop computer notebook 15 inch");
    for (int i = 3; i < v.size(); i++) {
      rows.add(v.get(i) + ",");
    }
    Path in = dir.resolve("checks.csv");
    Files.write(in, rows);
    String third = v.get(3).split(",")[0];
    String listed = v.get(4).split(",")[9];
    Path docs = dir.resolve("docs.jsonl");
    Files.writeString(docs, "{\"declaration_id\":\"" + third + "\",\"document\":\"invoice.png\",\"issuer\":\"KR-017\","
        + "\"method\":\"classical\",\"regions\":[{\"kind\":\"stamp\",\"box\":[10,10,80,80],\"confidence\":0.9,"
        + "\"similarity\":38.2,\"verdict\":\"suspicious\"},{\"kind\":\"signature\",\"box\":[100,10,80,40],"
        + "\"confidence\":0.8,\"similarity\":91.0,\"verdict\":\"consistent\"}],\"suspicious\":true}\n");
    Path lists = dir.resolve("lists.csv");
    Files.writeString(lists, "watchlist,kind,entry\ntips,company," + listed + "\n");
    Path rules = dir.resolve("checks.rules");
    Files.writeString(rules, """
        rule "unknown-code" when hs.not_in_nomenclature = 1 then lane yellow, reason "no such HS code"
        rule "unlike" when hs.mismatch_score > 0.9 then add 0.01, reason "goods unlike the code"
        rule "forged" when docs.suspicious = 1 and docs.stamp.worst_similarity < 50 then lane red, reason "forged stamp"
        rule "tipped" when importer in watchlist "tips" then add 0.01, reason "tip-off"
        rule "risky-importer" when importer.hit_rate >= 0.3 and importer.inspected >= 3 then add 0.01, reason "importer record"
        rule "ring" when net.importer_community_fraud_rate >= 0.5 then add 0.01, reason "fraud community"
        rule "networked" when net.importer_degree >= 0 then add 0, reason "in the network"
        rule "dense" when log_unit_value > 7 then add 0.01, reason "dense value"
        """);
    Path out = dir.resolve("out/checks.csv");
    CliRun c = run("score", "--model", model.toString(), "--input", in.toString(), "--output", out.toString(),
        "--hs-check", "--history", train.toString(), "--network", "--documents", docs.toString(),
        "--watchlists", lists.toString(), "--rules", rules.toString());
    assertThat(c.code()).as(c.err()).isZero();
    List<String> decided = Files.readAllLines(out);
    assertThat(decided.get(1)).contains("unknown-code", "hs: declared 999999 is not an HS 2022 code");
    assertThat(decided.get(2)).contains("unlike", "hs: ");
    assertThat(decided.get(3)).contains(",red,", "forged", "rule:forged: forged stamp",
        "documents: invoice.png: stamp 38.2 % suspicious");
    assertThat(decided.stream().filter(r -> r.contains("tip-off")).toList()).isNotEmpty()
        .allMatch(r -> r.contains("watchlist: "));
    assertThat(decided.stream().filter(r -> r.contains("importer record")).toList()).isNotEmpty()
        .allMatch(r -> r.contains("profile: importer "));
    // every row's network figures reach the rules; a fraud community is told as a network reason
    assertThat(decided.stream().filter(r -> r.contains("in the network")).count()).isEqualTo(2_000);
    assertThat(decided.stream().filter(r -> r.contains("fraud community")).toList())
        .allMatch(r -> r.contains("network: importer "));
    System.out.println("rows in a fraud community: " + decided.stream().filter(r -> r.contains("fraud community")).count());
    // a pipeline feature tested by its name
    assertThat(decided.stream().filter(r -> r.contains("dense value")).toList()).isNotEmpty();
  }

  @Test
  void theFeatureSetIsChosenOnTheCommandLineAndRecorded() throws Exception {
    Path train = slice("df_syn_train_eng.csv", 6_000);
    Path model = dir.resolve("all");
    CliRun t = run("train", "--train", train.toString(), "--model", model.toString(), "--no-blend", "--features", "all");
    assertThat(t.code()).as(t.err()).isZero();
    assertThat(t.out()).contains("xgboost learns from 69: all");
    assertThat(Files.readString(model.resolve("provenance.json")))
        .contains("\"trainer\" : \"xgboost\"", "\"featureSet\" : \"all\"", "\"importer.fraud_rate\"");

    CliRun bad = run("train", "--train", train.toString(), "--model", model.toString(), "--features", "everything");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--features", "DECLARATION, ALL");
  }

  @Test
  void theBoostedTreesSampleIsChosenOnTheCommandLineAndRecorded() throws Exception {
    Path train = slice("df_syn_train_eng.csv", 6_000);
    Path model = dir.resolve("sampled");
    CliRun t = run("train", "--train", train.toString(), "--model", model.toString(), "--sample-rows", "3000");
    assertThat(t.code()).as(t.err()).isZero();
    assertThat(Files.readString(model.resolve("provenance.json")))
        .contains("\"xgboost.max_rows\" : \"3000\"", "\"random-forest.max_rows\" : \"1500\"");
    // XGBoost alone samples as the blend's boosted trees do (it learnt from every row before)
    Path alone = dir.resolve("sampled-alone");
    CliRun a = run("train", "--train", train.toString(), "--model", alone.toString(), "--no-blend", "--sample-rows", "3000");
    assertThat(a.code()).as(a.err()).isZero();
    assertThat(Files.readString(alone.resolve("provenance.json"))).contains("\"max_rows\" : \"3000\"");

    CliRun bad = run("train", "--train", train.toString(), "--model", model.toString(), "--sample-rows", "1");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--sample-rows", "at least 2 rows").doesNotContain("at org.");
  }

  @Test
  void clustersAndSimilarDeclarationsAsAnAnalystAsksForThem() throws Exception {
    Path train = slice("df_syn_train_eng.csv", 6_000);
    Path out = dir.resolve("groups/clusters.csv");
    CliRun c = run("clusters", "--train", train.toString(), "--k", "5", "--output", out.toString());
    assertThat(c.code()).as(c.err()).isZero();
    assertThat(c.out()).contains("k-means: 5 clusters of", "| cluster | declarations |");
    List<String> clusters = Files.readAllLines(out);
    assertThat(clusters.get(0)).isEqualTo("cluster,declarations,their_declarations,frauds,fraud_rate,centre");
    assertThat(clusters).hasSize(6);
    // the members add up to the inspected declarations the provenance counts
    String provenance = Files.readString(out.resolveSibling("clusters.csv.provenance.json"));
    long members = clusters.stream().skip(1).mapToLong(l -> Long.parseLong(l.split(",")[1])).sum();
    assertThat(provenance).contains("\"inspected_declarations\" : " + members, "\"k\" : 5", "\"seed\" : 42");
    CliRun importers = run("clusters", "--train", train.toString(), "--of", "importers", "--k", "3",
        "--output", dir.resolve("importers.csv").toString());
    assertThat(importers.code()).as(importers.err()).isZero();
    assertThat(importers.out()).contains("k-means: 3 clusters of", "importers");

    List<String> rows = Files.readAllLines(train);
    String[] last = rows.get(rows.size() - 1).split(",");
    CliRun s = run("similar", "--data", train.toString(), "--id", last[0], "--k", "4");
    assertThat(s.code()).as(s.err()).isZero();
    assertThat(s.out()).contains(last[0] + " of " + last[1], "its 4 nearest inspected declarations of earlier days");
    List<String> table = s.out().lines().filter(l -> l.matches("\\| [0-9.]+ \\|.*")).toList();
    assertThat(table).hasSize(4);
    // point-in-time: every neighbour was declared before it
    assertThat(table).allMatch(l -> l.split("\\|")[3].trim().compareTo(last[1]) < 0);

    CliRun unknown = run("similar", "--data", train.toString(), "--id", "no-such-id");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("no-such-id").doesNotContain("at org.");
  }

  @Test
  void missingColumnIsOneClearErrorNotATrace() throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "Declaration ID,Date\n1,2020-01-01\n");
    CliRun r = run("train", "--train", bad.toString(), "--model", dir.resolve("m").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: ").contains("bad.csv", "missing required column", "'Importer ID'")
        .doesNotContain("at org.");
  }

  @Test
  void badCapacityIsRefusedWithTheReason() throws Exception {
    CliRun r = run("score", "--model", dir.toString(), "--input", "x.csv", "--output", "y.csv", "--capacity", "red=abc");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("'abc' is not a number");
  }
}
