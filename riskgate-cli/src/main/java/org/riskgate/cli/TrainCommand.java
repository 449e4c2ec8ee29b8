package org.riskgate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.riskgate.neural.EntityNetTrainer;
import org.riskgate.neural.NeuralOptions;
import org.riskgate.neural.SequenceTrainer;
import org.riskgate.neural.TreeAttentionTrainer;
import org.riskgate.risk.BlendTrainer;
import org.riskgate.risk.FeatureSet;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.RiskTraining;
import org.riskgate.risk.Trainer;
import org.riskgate.risk.tribuo.TribuoTrainer;
import org.riskgate.risk.xgboost.RandomForestTrainer;
import org.riskgate.risk.xgboost.XGBoostOptions;
import org.riskgate.risk.xgboost.XGBoostTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code riskgate train}: learns a risk model from past inspection results. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train the clearance risk model (XGBoost) on past inspection results and save a model bundle.")
final class TrainCommand implements Callable<Integer> {
  @Option(names = "--train", required = true, paramLabel = "TRAIN",
      description = "Labelled declarations of the past: a CSV or Parquet file or a lake directory (--from/--to pick the period).")
  Path train;

  @Option(names = "--valid", paramLabel = "VALID",
      description = "A later labelled period for early stopping (CSV, Parquet or lake). Without it (and without --valid-from), "
          + "the latest 15 %% of the training period is held out.")
  Path valid;

  @Option(names = "--valid-from", paramLabel = "YYYY-MM-DD",
      description = "First day of the validation period; without --valid it is read from --train (e.g. the same lake).")
  java.time.LocalDate validFrom;

  @Option(names = "--valid-to", paramLabel = "YYYY-MM-DD", description = "Last day of the validation period.")
  java.time.LocalDate validTo;

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "Where to write the model bundle.")
  Path model;

  @Option(names = "--features", paramLabel = "SET", defaultValue = "declaration",
      description = "What the XGBoost model learns from with --no-blend, and as a baseline: declaration (own fields and "
          + "category codes; the default, chosen on an internal 2020 holdout) or all (also the history of parties, goods "
          + "and origins). The blend's parts and the other baselines choose their own.")
  FeatureSet features;

  @Option(names = "--baselines", description = "Also train logistic regression and random forest into DIR/baselines/ for comparison "
      + "(and, with --blend, the plain XGBoost model).")
  boolean baselines;

  @Option(names = "--blend", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "The XGBoost model blended in log-odds (0.6 / 0.4) with a small forest on all features: the default, "
          + "chosen on the 2020 holdout. --no-blend trains the XGBoost model alone, on --features.")
  boolean blend;

  @Option(names = "--sample-rows", paramLabel = "N", defaultValue = "" + BlendTrainer.SAMPLE_ROWS,
      description = "The boosted trees (the blend's, or XGBoost alone with --no-blend) learn from a random sample of at most "
          + "N labelled rows and the blend's forest from N / 2 (default: ${DEFAULT-VALUE}, what two cores fit in under half "
          + "an hour); every row still feeds the history features. Raise it on a larger machine: bench/sample_cost.sh "
          + "measures what the sample costs in accuracy.")
  int sampleRows;

  @Option(names = "--trainer", paramLabel = "NAME",
      description = "Train a neural model instead of the blend: entity-net (a fully connected network over embeddings of the "
          + "categories, the HS code and the parties) or tree-attention (attention over a small booster's leaves, "
          + "conditioned on importer and HS code, with a revenue head) or party-sequence (a GRU over the importer's and the "
          + "declarant's earlier declarations, point-in-time). All learn on DJL + PyTorch (CPU, offline) from every feature, "
          + "the parties' codes included; bench/trainers.sh compares them with the others.")
  String trainer;

  @Mixin InputOptions input;

  @Override
  public Integer call() throws Exception {
    if (sampleRows < 2) {
      throw new IllegalArgumentException("--sample-rows: the sample needs at least 2 rows, not " + sampleRows);
    }
    Files.createDirectories(model);
    long start = System.nanoTime();
    Read read = read();
    RiskTraining.Prepared prepared = read.prepared();
    System.out.printf("read and described in %.1f s%n", (System.nanoTime() - start) / 1e9);
    FeatureSet boostedOn = blend ? FeatureSet.DECLARATION : features;
    System.out.printf("features: %d per declaration (xgboost learns from %d: %s%s), point-in-time over %s .. %s%n",
        prepared.pipeline().width(), boostedOn.of(prepared.pipeline()).size(), boostedOn.label(),
        blend ? "; the blend's forest from all" : "", prepared.from(), prepared.to());
    RiskTraining.Source source = new RiskTraining.Source(train, read.trainingRejects(), read.validSource());
    // the blend picks each part's features itself; the baselines learn from every feature: a
    // linear model and a depth-10 forest do far better with the histories' encodings than with
    // raw codes (bench ModelSelection)
    List<Run> runs = new ArrayList<>();
    XGBoostTrainer boosted = new XGBoostTrainer(XGBoostOptions.DEFAULT, sampleRows);
    if (trainer != null) {
      runs.add(new Run(neural(trainer), FeatureSet.IDENTITIES));
    } else {
      runs.add(blend ? new Run(new BlendTrainer(XGBoostOptions.DEFAULT, sampleRows), FeatureSet.ALL) : new Run(boosted, features));
    }
    if (baselines) {
      if (blend) {
        runs.add(new Run(boosted, features));
      }
      runs.add(new Run(TribuoTrainer.logisticRegression(), FeatureSet.ALL));
      runs.add(new Run(new RandomForestTrainer(200, 10, 2, 42), FeatureSet.ALL));
    }
    for (Run run : runs) {
      long t0 = System.nanoTime();
      ModelBundle bundle = RiskTraining.fit(prepared, run.trainer(), run.set(), source);
      Path dir = run == runs.get(0) ? model : model.resolve("baselines").resolve(run.trainer().name());
      bundle.save(dir);
      Map<String, String> notes = bundle.provenance().trainingNotes();
      String rounds = notes.getOrDefault("rounds", notes.getOrDefault("xgboost.rounds", ""));
      System.out.printf("%-14s trained in %5.1f s  %s  -> %s%n", run.trainer().name(),
          (System.nanoTime() - t0) / 1e9, rounds.isEmpty() ? "" : rounds + " rounds", dir);
    }
    return 0;
  }

  /**
   * Reads the files and builds the features; the declarations are not referenced once this
   * returns, so their memory goes back before the models are trained.
   */
  private Read read() throws java.io.IOException {
    InputOptions.Loaded t = input.readTable(train, input.period(), model);
    System.out.println(t.describe(train));
    Optional<InputOptions.Loaded> v = Optional.empty();
    Path validSource = valid != null ? valid : validFrom != null || validTo != null ? train : null;
    if (validSource != null) {
      v = Optional.of(input.readTable(validSource, org.riskgate.core.Period.of(validFrom, validTo), model));
      System.out.println(v.get().describe(validSource));
    }
    return new Read(RiskTraining.prepare(t.rows(), v.map(InputOptions.Loaded::rows)), t.rejects().count(),
        Optional.ofNullable(validSource));
  }

  private static Trainer neural(String name) {
    return switch (name) {
      case "entity-net" -> new EntityNetTrainer(NeuralOptions.DEFAULT);
      case "tree-attention" -> new TreeAttentionTrainer(NeuralOptions.DEFAULT);
      case "party-sequence" -> new SequenceTrainer(NeuralOptions.DEFAULT);
      default -> throw new IllegalArgumentException("--trainer: unknown trainer '" + name
          + "' (entity-net, tree-attention or party-sequence; the default blend needs no --trainer)");
    };
  }

  private record Read(RiskTraining.Prepared prepared, long trainingRejects, Optional<Path> validSource) {}

  /** A trainer and the features it learns from. */
  private record Run(Trainer trainer, FeatureSet set) {}
}
