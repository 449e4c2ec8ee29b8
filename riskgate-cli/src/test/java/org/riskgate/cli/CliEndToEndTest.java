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
    assertThat(decided.subList(2, 4)).noneMatch(r -> r.contains("wrong-code"));
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

    CliRun bad = run("train", "--train", train.toString(), "--model", model.toString(), "--features", "parties");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--features", "DECLARATION, ALL");
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
