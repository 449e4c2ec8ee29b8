package org.riskgate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.riskgate.core.Declaration;
import org.riskgate.core.NormalisedMetrics;
import org.riskgate.risk.BlendTrainer;
import org.riskgate.risk.Evaluator;
import org.riskgate.risk.FeatureSet;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.RiskTraining;
import org.riskgate.risk.xgboost.XGBoostOptions;
import org.riskgate.server.loop.ChallengerEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code riskgate retrain}: a challenger from recorded results, judged beside the champion. The
 * judgement is by default the one promotion on the platform uses ({@link ChallengerEvaluation}):
 * labels exist only where the champion chose to inspect, so each model's selection is estimated by
 * inverse propensity from the champion's recorded decisions, with 95 % intervals.
 */
@Command(name = "retrain", mixinStandardHelpOptions = true,
    description = "Train a challenger on the declarations with recorded inspection results, with the recipe of "
        + "`riskgate train`, and judge it beside the champion on a later period: by inverse propensity from the "
        + "champion's decisions (the default), or on a fully labelled period (--labelled).")
final class RetrainCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "FILE_OR_LAKE",
      description = "Declarations with their recorded results (CSV, Parquet or lake; --from/--to pick the period). "
          + "Rows without a result join the history but are not learned from.")
  Path data;

  @Option(names = "--champion", paramLabel = "DIR", description = "The model in use, to compare with.")
  Path champion;

  @Option(names = "--evaluate", paramLabel = "FILE_OR_LAKE",
      description = "A later period both models are judged on. By default by inverse propensity (needs --champion and "
          + "--decisions): only the declarations the champion sent red count as inspected (their Fraud columns are "
          + "the recorded results; the others' are not read), a random pick weighing as many declarations as its "
          + "chance of being drawn says; the precision of each model's top --percent of each day with its 95 %% "
          + "interval, and Norm-Precision / Norm-Revenue on the inspected random picks.")
  Path evaluate;

  @Option(names = "--decisions", paramLabel = "DECISIONS.csv",
      description = "The champion's decisions for the --evaluate period as `riskgate score` wrote them (columns "
          + "declaration_id, lane, random_pick): the lanes that chose what was inspected.")
  Path decisions;

  @Option(names = "--labelled",
      description = "Judge on --evaluate as a period whose every outcome is known (as the public data is): AUC, "
          + "precision, Norm-Precision and Norm-Revenue at --percent, without inverse propensity.")
  boolean labelled;

  @Option(names = "--percent", defaultValue = "5", description = "The inspection share judged (default ${DEFAULT-VALUE} %%).")
  double percent;

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "Where to write the challenger.")
  Path model;

  @Mixin InputOptions input;

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(model);
    InputOptions.Loaded t = input.readTable(data, input.period(), model);
    System.out.println(t.describe(data));
    long results = t.rows().stream().filter(d -> d.outcome().isPresent()).count();
    System.out.printf("recorded results: %,d of %,d declarations%n", results, t.rows().size());
    RiskTraining.Prepared prepared = RiskTraining.prepare(t.rows(), Optional.empty());
    // the recipe of `riskgate train` (its default: the blend on all features)
    long t0 = System.nanoTime();
    ModelBundle challenger = RiskTraining.fit(prepared, new BlendTrainer(XGBoostOptions.DEFAULT), FeatureSet.ALL,
        new RiskTraining.Source(data, t.rejects().count(), Optional.empty()));
    challenger.save(model);
    System.out.printf("challenger %s trained in %.1f s -> %s%n", challenger.id(), (System.nanoTime() - t0) / 1e9, model);
    if (evaluate == null) {
      return 0;
    }
    List<Declaration> later = input.readAll(evaluate, org.riskgate.core.Period.of(null, null), model).rows();
    if (!labelled) {
      if (champion == null || decisions == null) {
        throw new IllegalArgumentException("--evaluate judges by inverse propensity from the champion's decisions: "
            + "give --champion DIR and --decisions DECISIONS.csv (or --labelled for a fully labelled period)");
      }
      ChallengerEvaluation e = ShadowFile.evaluate(ModelBundle.load(champion), challenger, later,
          ShadowFile.readDecisions(decisions), percent);
      ShadowFile.print(e, System.out);
      return 0;
    }
    System.out.printf("%n%-12s %-48s %6s %9s %10s %9s%n", "", "bundle", "AUC", "precision", "norm-prec", "norm-rev");
    row("challenger", challenger, later);
    if (champion != null) {
      row("champion", ModelBundle.load(champion), later);
    }
    return 0;
  }

  private void row(String role, ModelBundle b, List<Declaration> later) {
    Evaluator.ModelEvaluation e = Evaluator.evaluate(b, later, percent);
    double[] revenue = e.declarations().stream().mapToDouble(Declaration::taxAtStake).toArray();
    NormalisedMetrics.Figures f = NormalisedMetrics.of(NormalisedMetrics.top(e.ranking(), percent), e.fraud(), revenue);
    System.out.printf(Locale.ROOT, "%-12s %-48s %6.3f %9.3f %10.3f %9.3f%n", role, b.id(), e.metrics().auc(),
        f.precision(), f.normPrecision(), f.normRevenue());
  }
}
