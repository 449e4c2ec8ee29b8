package org.riskgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.riskgate.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** retrain, drift and simulate as a user runs them, on slices of the public data. */
class LoopCommandsTest {
  @TempDir Path dir;

  /** The first {@code n} rows of a bundled file, with the price column (index 19) multiplied by {@code factor}. */
  private Path slice(String name, int n, double factor, String as) throws Exception {
    List<String> lines = Files.readAllLines(Path.of("../data/customs", name)).subList(0, n + 1);
    List<String> out = new ArrayList<>(List.of(lines.get(0)));
    for (String l : lines.subList(1, lines.size())) {
      String[] c = l.split(",", -1);
      c[19] = Double.toString(Double.parseDouble(c[19]) * factor);
      out.add(String.join(",", c));
    }
    return Files.write(dir.resolve(as), out);
  }

  @Test
  void retrainThenDriftOnPricesThatJumped() throws Exception {
    Path train = slice("df_syn_train_eng.csv", 4_000, 1, "train.csv");
    Path valid = slice("df_syn_valid_eng.csv", 1_500, 1, "valid.csv");
    Path inflated = slice("df_syn_valid_eng.csv", 1_500, 100, "inflated.csv");
    Path champion = dir.resolve("champion");
    assertThat(run("train", "--train", train.toString(), "--model", champion.toString(), "--no-blend").code()).isZero();

    Path challenger = dir.resolve("challenger");
    CliRun r = run("retrain", "--data", train.toString(), "--model", challenger.toString(), "--champion",
        champion.toString(), "--evaluate", valid.toString(), "--labelled");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("recorded results: 4,000 of 4,000", "challenger blend-", "champion ", "norm-prec");
    assertThat(Files.readString(challenger.resolve("provenance.json"))).contains("\"trainer\" : \"blend\"");

    // by default, judged by inverse propensity from the champion's decisions of the later period
    Path decisions = dir.resolve("decisions.csv");
    CliRun scored = run("score", "--model", champion.toString(), "--input", valid.toString(), "--output",
        decisions.toString(), "--capacity", "red=20,yellow=5", "--random-share", "10");
    assertThat(scored.code()).as(scored.err()).isZero();
    CliRun ips = run("retrain", "--data", train.toString(), "--model", dir.resolve("challenger2").toString(),
        "--champion", champion.toString(), "--evaluate", valid.toString(), "--decisions", decisions.toString());
    assertThat(ips.code()).as(ips.err()).isZero();
    assertThat(ips.out()).contains("judged on 1,500 declarations the champion decided", "precision (IPS) [95 % interval]",
        "verdict: challenger ");
    assertThat(ips.out()).containsPattern("champion +\\S+ +\\d\\.\\d{3} \\[-?\\d\\.\\d{3}, \\d\\.\\d{3}\\]");
    CliRun without = run("retrain", "--data", train.toString(), "--model", dir.resolve("challenger3").toString(),
        "--champion", champion.toString(), "--evaluate", valid.toString());
    assertThat(without.code()).isEqualTo(2);
    assertThat(without.err()).contains("--decisions DECISIONS.csv");

    CliRun jumped = run("drift", "--model", champion.toString(), "--data", inflated.toString(), "--json",
        dir.resolve("drift.json").toString());
    assertThat(jumped.code()).as(jumped.err()).isEqualTo(DriftCommand.ALARM);
    assertThat(jumped.out()).contains("ALARM", "log_price");
    assertThat(Files.readString(dir.resolve("drift.json"))).contains("\"psi\"", "\"monday\"");

    Path elsewhere = dir.resolve("not-the-training-data.csv");
    Files.copy(valid, elsewhere);
    CliRun wrong = run("drift", "--model", champion.toString(), "--data", valid.toString(), "--reference",
        elsewhere.toString());
    assertThat(wrong.code()).isEqualTo(2);
    assertThat(wrong.err()).contains("is not the data model");
  }

  @Test
  void simulateWritesTablesAndPlotsPerStrategy() throws Exception {
    Path past = slice("df_syn_train_eng.csv", 3_000, 1, "past.csv");
    Path later = slice("df_syn_valid_eng.csv", 1_500, 1, "later.csv");
    Path out = dir.resolve("sim");
    CliRun r = run("simulate", "--data", past + "," + later, "--start", "2021-01-01", "--weeks", "2",
        "--strategy", "exploit,random,epsilon:0.2", "--rounds", "5", "--depth", "3", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("exploit", "random", "epsilon:0.2", "norm-prec");
    assertThat(Files.readAllLines(out.resolve("overall.csv"))).hasSize(4);
    assertThat(Files.readAllLines(out.resolve("weeks.csv"))).hasSize(1 + 3 * 2);
    assertThat(out.resolve("norm-precision.png")).isNotEmptyFile();
    assertThat(Files.readString(out.resolve("norm-revenue.svg"))).contains("data-strategy=\"epsilon:0.2\"");

    CliRun bad = run("simulate", "--data", later.toString(), "--start", "2021-01-01", "--weeks", "1",
        "--strategy", "greedy");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("unknown strategy 'greedy'");
  }
}
