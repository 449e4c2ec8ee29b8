package org.riskgate.cli;

import static org.riskgate.cli.CliRun.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.Declarations;
import org.riskgate.core.Period;
import org.riskgate.core.Reject;
import org.riskgate.core.RejectSink;
import org.riskgate.risk.RiskTraining;

/**
 * The same rows as a CSV, as a lake and as a Parquet file give the same features, scores and
 * profiles: the format is only a way of storing them.
 */
class FormatsEndToEndTest {
  @TempDir static Path dir;
  static Path trainCsv;
  static Path validCsv;
  static Path lake;
  static Path validParquet;

  private static CliRun ok(String... args) {
    CliRun r = run(args);
    assertThat(r.code()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
    return r;
  }

  @BeforeAll
  static void oneDataSetThreeWays() throws Exception {
    // two months of 2020 to train on, the first quarter of 2021 to score
    List<String> train = Files.readAllLines(Path.of("../data/customs/df_syn_train_eng.csv"));
    trainCsv = dir.resolve("train.csv");
    Files.write(trainCsv, train.stream().filter(l -> l.startsWith("Declaration") || l.matches("[^,]*,2020-0[1-2]-.*")).toList());
    validCsv = Path.of("../data/customs/df_syn_valid_eng.csv");
    lake = dir.resolve("lake");
    CliRun imported = ok("lake", "import", "--lake", lake.toString(), trainCsv.toString(), validCsv.toString());
    assertThat(imported.out()).contains("imported", "2020-01 .. 2020-02", "2021-01 .. 2021-03");
    validParquet = dir.resolve("valid.parquet");
    ok("sql", "--lake", lake.toString(), "--limit", "100000", "--output", validParquet.toString(),
        "SELECT * EXCLUDE (month) FROM declarations WHERE date >= DATE '2021-01-01'");
  }

  static List<Declaration> read(Path p, Period period) throws Exception {
    List<Reject> rejects = new ArrayList<>();
    List<Declaration> ds = Declarations.readAll(p, period, ColumnMapping.defaults(), new RejectSink() {
      @Override
      public void reject(Reject r) {
        rejects.add(r);
      }

      @Override
      public long count() {
        return rejects.size();
      }
    });
    assertThat(rejects).isEmpty();
    return ds;
  }

  @Test
  void theTrainingFeaturesAreTheSameFromACsvAndFromALakePeriod() throws Exception {
    List<Declaration> fromCsv = read(trainCsv, Period.ALL);
    List<Declaration> fromLake = read(lake, Period.until(java.time.LocalDate.parse("2020-12-31")));
    assertThat(fromLake).isEqualTo(fromCsv);
    RiskTraining.Prepared a = RiskTraining.prepare(fromCsv, java.util.Optional.empty());
    RiskTraining.Prepared b = RiskTraining.prepare(fromLake, java.util.Optional.empty());
    assertThat(b.train().rows()).isEqualTo(a.train().rows()).isPositive();
    assertThat(Arrays.equals(b.train().x(), a.train().x())).isTrue();
    assertThat(Arrays.equals(b.train().labels(), a.train().labels())).isTrue();
    assertThat(read(validParquet, Period.ALL)).isEqualTo(read(validCsv, Period.ALL));
  }

  @Test
  void scoresAreTheSameWhicheverFormatTheRowsCameFrom() throws Exception {
    // trained from a period of the lake: the same features as from the CSV (test above), so the same model
    Path model = dir.resolve("model");
    ok("train", "--train", lake.toString(), "--to", "2020-12-31", "--model", model.toString(), "--no-blend");
    assertThat(Files.readString(model.resolve("provenance.json"))).contains(lake.toString());

    Path fromCsv = dir.resolve("from-csv.csv");
    Path fromLake = dir.resolve("from-lake.csv");
    Path fromParquet = dir.resolve("from-parquet.parquet");
    ok("score", "--model", model.toString(), "--input", validCsv.toString(), "--output", fromCsv.toString());
    ok("score", "--model", model.toString(), "--input", lake.toString(), "--from", "2021-01-01",
        "--output", fromLake.toString());
    ok("score", "--model", model.toString(), "--input", validParquet.toString(), "--output", fromParquet.toString());

    List<String> expected = decisions(fromCsv);
    assertThat(expected).hasSize(8_134);
    assertThat(decisions(fromLake)).isEqualTo(expected);
    List<String> parquet = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT declaration_id, date, lane, risk_score, random_pick, rules_hit FROM read_parquet('"
            + fromParquet + "')")) {
      while (r.next()) {
        parquet.add(r.getString(1) + "," + r.getString(2) + "," + r.getString(3) + ","
            + ScoreCommand.probability(r.getDouble(4)) + "," + (r.getBoolean(5) ? "1" : "0") + "," + r.getString(6));
      }
    }
    assertThat(parquet).isEqualTo(expected.stream().map(l -> {
      String[] f = l.split(",", -1);
      return f[0] + "," + f[1] + "," + f[7] + "," + f[5] + "," + f[8] + "," + f[9];
    }).toList());
  }

  /** Decision rows without the bundle id and decision time, which differ from run to run. */
  private static List<String> decisions(Path csv) throws Exception {
    return Files.readAllLines(csv).stream().skip(1).map(l -> {
      String[] f = l.split(",", -1);
      return String.join(",", Arrays.asList(f).subList(0, 10));
    }).toList();
  }

  @Test
  void profilesNetworksGroupsAndBacktestsAreTheSameFromEveryFormat() throws Exception {
    String importer = Files.readAllLines(validCsv).get(1).split(",")[9];
    String[][] commands = {
        {"profile", "--party", importer},
        {"network", "--top", "5"},
        {"groups", "--from", "2021-01-01", "--to", "2021-03-31", "--limit", "5"},
    };
    for (String[] cmd : commands) {
      String csv = stable(ok(with(cmd, "--data", validCsv.toString())).out());
      assertThat(stable(ok(with(cmd, "--data", validParquet.toString())).out())).as(cmd[0]).isEqualTo(csv);
      String[] lakeArgs = cmd[0].equals("groups") ? with(cmd, "--data", lake.toString())
          : with(with(cmd, "--data", lake.toString()), "--from", "2021-01-01");
      // groups reads the lake up to --to, 2020 included: its importer profiles see more history
      if (!cmd[0].equals("groups")) {
        assertThat(stable(ok(lakeArgs).out())).as(cmd[0]).isEqualTo(csv);
      } else {
        assertThat(ok(lakeArgs).out()).contains("2021-01-01 .. 2021-03-31: 8134 declarations");
      }
    }
    Path rules = dir.resolve("r.rules");
    Files.writeString(rules, "rule \"cn\"\n  when origin = \"CN\"\n  then lane red\n");
    String csv = ok("rules", "backtest", "--rules", rules.toString(), "--data", validCsv.toString()).out();
    assertThat(ok("rules", "backtest", "--rules", rules.toString(), "--data", lake.toString(), "--from", "2021-01-01").out())
        .isEqualTo(csv).contains("| cn |");

    Path checked = dir.resolve("checked.csv");
    CliRun hs = ok("hs", "check", "--input", validParquet.toString(), "--output", checked.toString());
    assertThat(hs.err()).contains("8134 rows");
    assertThat(Files.readAllLines(checked)).hasSize(8_135).first().asString().startsWith("declaration_id,date,");
  }

  private static String[] with(String[] cmd, String... more) {
    List<String> all = new ArrayList<>(List.of(cmd));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  /** Output without its timings. */
  private static String stable(String out) {
    return out.replaceAll("\\(built in \\d+ ms\\)", "").replaceAll("\\(\\d+ ms\\)", "");
  }

  @Test
  void lakeInfoShowsMonthsRowsFraudsAndSize() {
    CliRun info = ok("lake", "info", "--lake", lake.toString());
    assertThat(info.out()).contains("2 file(s) imported", "| 2020-01 |", "| 2021-03 |", "KiB");
    CliRun again = ok("lake", "import", "--lake", lake.toString(), validCsv.toString());
    assertThat(again.out()).contains("skipped, already imported");
    CliRun sql = ok("sql", "--lake", lake.toString(), "SELECT count(*) AS n FROM declarations WHERE month = '2021-02'");
    assertThat(sql.out()).contains("| n |", "1 row(s)");
    CliRun refused = run("sql", "--lake", lake.toString(), "COPY declarations TO '/tmp/x.csv'");
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("only a SELECT").doesNotContain("Exception");
  }
}
