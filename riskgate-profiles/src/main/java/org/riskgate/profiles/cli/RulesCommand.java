package org.riskgate.profiles.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.riskgate.core.Declaration;
import org.riskgate.profiles.ProfileConfig;
import org.riskgate.profiles.ProfileStore;
import org.riskgate.selectivity.rules.Backtest;
import org.riskgate.selectivity.rules.BacktestReport;
import org.riskgate.selectivity.rules.RuleBacktest;
import org.riskgate.selectivity.rules.RuleBook;
import org.riskgate.selectivity.rules.RuleInfo;
import org.riskgate.selectivity.rules.RuleProblem;
import org.riskgate.selectivity.rules.Rules;
import org.riskgate.selectivity.rules.RulesException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riskgate rules check|backtest}: the analysts' selectivity rules. */
@Command(name = "rules", mixinStandardHelpOptions = true,
    description = "Check a rule file, or replay it over labelled history.",
    subcommands = {RulesCommand.Check.class, RulesCommand.BacktestCommand.class})
public final class RulesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Loads a rule file, printing its problems (with line and column) when it is refused. */
  static RuleBook load(Path file, PrintWriter err) throws Exception {
    try {
      return Rules.load(file);
    } catch (RulesException e) {
      for (RuleProblem p : e.problems()) {
        err.println(p);
      }
      err.println(e.problems().size() + " problem(s): the rule file is refused");
      err.flush();
      return null;
    }
  }

  /** {@code rules check}. */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Parse and check a rule file; list its rules or its problems (line:column).")
  static final class Check implements Callable<Integer> {
    @Option(names = "--rules", required = true, paramLabel = "FILE") Path rules;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      RuleBook book = load(rules, spec.commandLine().getErr());
      if (book == null) {
        return 2;
      }
      out.println(rules + ": " + book.rules().size() + " rule(s), no problem");
      for (RuleInfo r : book.rules()) {
        out.printf(Locale.ROOT, "  %-30s line %-4d owner %-10s valid %s..%s  when %s  then%s%s, reason \"%s\"%n",
            r.id(), r.line(), r.owner().isEmpty() ? "-" : r.owner(),
            r.validFrom().map(Object::toString).orElse(""), r.validTo().map(Object::toString).orElse(""),
            r.condition(), r.lane().map(l -> " lane " + l.label()).orElse(""),
            r.scoreDelta() != 0 ? String.format(Locale.ROOT, " add %+.3f", r.scoreDelta()) : "",
            r.reason());
      }
      out.flush();
      return 0;
    }
  }

  /** {@code rules backtest}. */
  @Command(name = "backtest", mixinStandardHelpOptions = true,
      description = "Replay rules over a labelled file: how many declarations each would have "
          + "selected and its hit rate. Rules see the parties' profiles (importer.hit_rate, ...) "
          + "as of each declaration's date; there is no model score, so a rule on `score` is "
          + "reported as undecidable.")
  static final class BacktestCommand implements Callable<Integer> {
    @Option(names = "--rules", required = true, paramLabel = "FILE") Path rules;

    @Option(names = "--data", required = true, paramLabel = "FILE|LAKE",
        description = "Labelled declarations: a CSV or Parquet file or a lake directory (--from/--to pick the period).")
    Path data;

    @Mixin PeriodOptions period;

    @Option(names = "--history", paramLabel = "FILE|LAKE",
        description = "Earlier declarations the profiles may also draw on (not replayed), e.g. the previous year; "
            + "read up to the day before --from when --from is given.")
    Path history;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      RuleBook book = load(rules, err);
      if (book == null) {
        return 2;
      }
      List<Declaration> ds = DataFile.read(data, period.period(), err);
      List<Declaration> all = ds;
      if (history != null) {
        // the history is what came before the replayed period (the same lake may hold both)
        all = new java.util.ArrayList<>(DataFile.read(history, period.from == null ? org.riskgate.core.Period.ALL
            : org.riskgate.core.Period.until(period.from.minusDays(1)), err));
        all.addAll(ds);
      }
      // Point-in-time: each replayed declaration sees only declarations dated before it.
      ProfileStore store = ProfileStore.build(all, ProfileConfig.defaults());
      BacktestReport r = Backtest.run(book, ds, d -> Double.NaN, store::features);
      out.printf(Locale.ROOT, "%d declarations, %d labelled, base hit rate %.1f %%%n%n",
          r.declarations(), r.labelled(), 100 * r.baseRate());
      out.println("| rule | in validity | selected | labelled | frauds | hit rate | lift | errors |");
      out.println("|---|---|---|---|---|---|---|---|");
      for (RuleBacktest b : r.rules()) {
        out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %s | %s | %d |%n", b.ruleId(),
            b.inValidity(), b.selected(), b.selectedLabelled(), b.frauds(),
            Double.isNaN(b.hitRate()) ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * b.hitRate()),
            Double.isNaN(b.hitRate()) || r.baseRate() == 0 ? "-"
                : String.format(Locale.ROOT, "%.2f", b.hitRate() / r.baseRate()),
            b.errors());
      }
      for (RuleBacktest b : r.rules()) {
        if (b.errors() > 0) {
          err.println("rule " + b.ruleId() + " could not be decided on " + b.errors()
              + " declaration(s), e.g. " + b.firstError());
        }
      }
      for (RuleBacktest b : r.rules()) {
        out.printf(Locale.ROOT, "%nrule %s would have selected %d declarations, hit rate %s",
            b.ruleId(), b.selected(), Double.isNaN(b.hitRate()) ? "-"
                : String.format(Locale.ROOT, "%.1f %%", 100 * b.hitRate()));
      }
      out.println();
      out.flush();
      err.flush();
      return 0;
    }
  }
}
