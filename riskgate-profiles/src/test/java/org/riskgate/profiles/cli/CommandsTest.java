package org.riskgate.profiles.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskgate.selectivity.rules.Rules;
import picocli.CommandLine;

class CommandsTest {
  static final String VALID = "../data/customs/df_syn_valid_eng.csv";

  record Run(int code, String out, String err) {}

  static Run run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void rulesCheckListsRulesOrRefusesWithLineAndColumn(@TempDir Path dir) throws Exception {
    Path ok = dir.resolve("ok.rules");
    Files.writeString(ok, """
        rule "apples-from-us" owner "kim" valid 2021-01-01 to 2021-12-31
          when hs6 = "080810" and origin = "US"
          then lane red, reason "Quarantine alert 2021-04"
        """);
    Run good = run(new RulesCommand(), "check", "--rules", ok.toString());
    assertThat(good.code()).isZero();
    assertThat(good.out()).contains("1 rule(s), no problem").contains("apples-from-us")
        .contains("lane red");
    Path bad = dir.resolve("bad.rules");
    Files.writeString(bad, "rule \"x\" when hs9 = \"1\" then lane red\n");
    Run refused = run(new RulesCommand(), "check", "--rules", bad.toString());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains(bad + ":1:15: unknown field 'hs9'");
  }

  @Test
  void backtestReportsSelectionsHitRatesAndUndecidableRules(@TempDir Path dir) throws Exception {
    Path rules = dir.resolve("r.rules");
    Files.writeString(rules, """
        rule "china" when origin = "CN" then add 0.1
        rule "bad-importers" when importer.hit_rate > 0.5 then lane yellow
        rule "model" when score > 0.9 then lane red
        """);
    Run r = run(new RulesCommand(), "backtest", "--rules", rules.toString(), "--data", VALID);
    assertThat(r.code()).isZero();
    long cn = Files.readAllLines(Path.of(VALID)).stream().skip(1)
        .filter(l -> l.split(",", -1)[14].equals("CN")).count();
    assertThat(r.out()).contains("8134 declarations, 8134 labelled")
        .contains("rule china would have selected " + cn + " declarations, hit rate ");
    assertThat(r.err()).contains("rule model could not be decided on 8134 declaration(s)")
        .contains("no model score was given");
    // the written report parses back as the same rules (nothing was altered on the way)
    assertThat(Rules.load(rules).rules()).hasSize(3);
  }

  @Test
  void profileNetworkAndGroupsRunOnPublicData(@TempDir Path dir) throws Exception {
    String importer = Files.readAllLines(Path.of(VALID)).get(1).split(",")[9];
    Run p = run(new ProfileCommand(), "--data", VALID, "--party", importer, "--as-of", "2021-04-01");
    assertThat(p.code()).isZero();
    assertThat(p.out()).contains("importer " + importer + " as of 2021-04-01")
        .contains("hit rate (shrunk)");
    Run missing = run(new ProfileCommand(), "--data", VALID, "--party", "NO-SUCH-PARTY");
    assertThat(missing.code()).isEqualTo(2);

    Path graph = dir.resolve("g.graphml");
    Run n = run(new NetworkCommand(), "--data", VALID, "--export", graph.toString(), "--top", "3");
    assertThat(n.code()).isZero();
    assertThat(n.out()).contains("network as of 2021-04-01").contains("ring indicators");
    assertThat(Files.readString(graph)).startsWith("<?xml").contains("<edge ");

    Path out = dir.resolve("groups.rules");
    Run g = run(new GroupsCommand(), "--data", "../data/customs/df_syn_train_eng.csv", "--from",
        "2020-12-01", "--to", "2020-12-31", "--rules-out", out.toString(), "--limit", "5");
    assertThat(g.code()).isZero();
    assertThat(g.out()).contains("2872 declarations").contains("groups tested");
    long shown = g.out().lines().filter(l -> l.matches("\\| \\d+ \\|.*")).count();
    assertThat(shown).isPositive();
    // every written group is a valid rule, valid the 90 days after the period
    assertThat(Rules.load(out).rules()).hasSize((int) shown).allSatisfy(r -> {
      assertThat(r.validFrom()).contains(java.time.LocalDate.of(2021, 1, 1));
      assertThat(r.validTo()).contains(java.time.LocalDate.of(2021, 3, 31));
    });
  }
}
