package org.riskgate.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.riskgate.core.Declaration;
import org.riskgate.core.Declarations;
import org.riskgate.core.Period;
import org.riskgate.core.RejectFile;
import org.riskgate.risk.FeatureSet;
import org.riskgate.risk.xgboost.XGBoostOptions;
import org.riskgate.risk.xgboost.XGBoostTrainer;
import org.riskgate.selectivity.simulate.Oracle;
import org.riskgate.selectivity.simulate.SimulationReport;
import org.riskgate.selectivity.simulate.Simulator;
import org.riskgate.selectivity.simulate.Strategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code riskgate simulate}: replays dated declarations week by week under selection strategies. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Replay labelled declarations week by week: each strategy selects under the capacity, only the "
        + "inspected outcomes are revealed, the model retrains on them; precision, recall, revenue and their "
        + "normalised versions per week and overall, with plots.")
final class SimulateCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "FILE_OR_LAKE", split = ",",
      description = "Labelled declarations (CSV, Parquet or lake; several, comma-separated, are read together). "
          + "Those before --start (from --from, if given) train the first model; the weeks from --start are replayed.")
  List<Path> data;

  @Option(names = "--start", required = true, paramLabel = "YYYY-MM-DD", description = "First day of the first week.")
  LocalDate start;

  @Option(names = "--weeks", required = true, paramLabel = "N", description = "Seven-day weeks to replay.")
  int weeks;

  @Option(names = "--capacity", defaultValue = "10", paramLabel = "PERCENT",
      description = "Share of each week's declarations inspected (default ${DEFAULT-VALUE}).")
  double capacity;

  @Option(names = "--strategy", defaultValue = "exploit,random,epsilon:0.1,uncertainty,adaptive",
      paramLabel = "LIST", description = "Comma-separated: exploit, random, epsilon:SHARE, uncertainty[:SHARE], "
          + "adaptive[:S1/S2/...] (default ${DEFAULT-VALUE}).")
  String strategies;

  @Option(names = "--rounds", defaultValue = "50", paramLabel = "N",
      description = "Boosting rounds of each retraining (default ${DEFAULT-VALUE}): every strategy retrains every "
          + "week, so each training is kept cheap; see the README for the setting its figures were made with.")
  int rounds;

  @Option(names = "--depth", defaultValue = "6", paramLabel = "N", description = "Tree depth (default ${DEFAULT-VALUE}).")
  int depth;

  @Option(names = "--seed", defaultValue = "42", description = "Seeds random picks, the bandit and training.")
  long seed;

  @Option(names = "--out", defaultValue = "simulation", paramLabel = "DIR",
      description = "Where the tables (CSV) and plots (PNG, and SVG for a browser) go (default ${DEFAULT-VALUE}).")
  Path out;

  @picocli.CommandLine.Mixin InputOptions input;

  @Override
  public Integer call() throws Exception {
    List<Strategy> parsed = Strategy.parseList(strategies);
    if (weeks < 1) {
      throw new IllegalArgumentException("--weeks must be at least 1");
    }
    if (input.to != null) {
      throw new IllegalArgumentException("--to does not apply: the replay ends after --weeks weeks from --start");
    }
    LocalDate end = start.plusWeeks(weeks).minusDays(1);
    List<Declaration> past = new ArrayList<>();
    List<Declaration> replayed = new ArrayList<>();
    java.nio.file.Files.createDirectories(out);
    for (Path p : data) {
      try (RejectFile rejects = new RejectFile(out.resolve(p.getFileName() + ".rejects.csv"))) {
        for (Declaration d : Declarations.readAll(p, Period.of(input.from, end), input.mapping(), rejects)) {
          (d.date().isBefore(start) ? past : replayed).add(d);
        }
        if (rejects.count() > 0) {
          System.out.printf("%s: %,d rows rejected (see %s)%n", p, rejects.count(), rejects.path());
        }
      }
    }
    if (past.isEmpty()) {
      throw new IllegalArgumentException("no declarations before " + start + " to train the first model on");
    }
    Oracle oracle = new Oracle(replayed, start, weeks, capacity);
    System.out.printf("first model: %,d declarations %s .. %s; replaying %,d declarations in %d weeks from %s, "
        + "capacity %s %%%n", past.size(), past.stream().map(Declaration::date).min(LocalDate::compareTo).orElseThrow(),
        past.stream().map(Declaration::date).max(LocalDate::compareTo).orElseThrow(), replayed.size(), weeks, start,
        capacity);
    // early stopping on the latest 15 % of the labelled history decides the rounds, up to --rounds
    XGBoostTrainer trainer = new XGBoostTrainer(new XGBoostOptions(rounds, 10, 0.2, depth, 3, 0.8, 0.7, 2, seed));
    Simulator.Retrainer recipe = Simulator.recipe(trainer, FeatureSet.DECLARATION, data.get(0));
    long t0 = System.nanoTime();
    Simulator.Result result;
    try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Simulating").setUnit(" weeks", 1)
        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000).setInitialMax((long) weeks * parsed.size())
        .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build()) {
      result = Simulator.run(past, oracle, parsed, recipe, seed, (s, w) -> {
        bar.setExtraMessage(s);
        bar.step();
      });
    }
    System.out.printf("simulated in %.0f s (xgboost, at most %d rounds of depth %d, on the declaration's own "
        + "features, retrained every week)%n%n", (System.nanoTime() - t0) / 1e9, rounds, depth);
    System.out.print(SimulationReport.overall(result));
    System.out.println();
    System.out.print(SimulationReport.weekly(result, "norm-prec", f -> f.normPrecision()));
    for (Path p : SimulationReport.write(result, out)) {
      System.out.println("wrote " + p);
    }
    return 0;
  }
}
