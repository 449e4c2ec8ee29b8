package org.riskgate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.riskgate.risk.Evaluator;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.Objective;
import org.riskgate.selectivity.Capacity;
import org.riskgate.selectivity.report.EvaluationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code riskgate evaluate}: how well a model would have selected on a later, labelled period. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Evaluate a model bundle (and its baselines) on a later labelled period: AUC, PR-AUC, Precision/Recall/Revenue@n%%, HTML report.")
final class EvaluateCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model bundle; baselines in DIR/baselines/ are compared too.")
  Path model;

  @Option(names = "--data", required = true, paramLabel = "LABELLED",
      description = "A labelled period after the training period: a CSV or Parquet file or a lake directory (--from/--to pick the period).")
  Path data;

  @Option(names = "--report", paramLabel = "DIR", description = "Write the HTML report here (default: DIR/report next to the bundle).")
  Path report;

  @Option(names = "--objective", split = ",", defaultValue = "frauds", paramLabel = "frauds|revenue",
      description = "How declarations are ranked for the top n %%: frauds (by risk, the default) or revenue "
          + "(by risk × the declaration's tax); give both, comma-separated, to compare them.")
  List<Objective> objectives;

  @Mixin InputOptions input;

  @Override
  public Integer call() throws IOException {
    InputOptions.Loaded loaded = input.readAll(data, model);
    System.out.println(loaded.describe(data));
    List<EvaluationReport.Entry> entries = evaluateAll(model, loaded, objectives);
    System.out.print(EvaluationReport.markdown(entries));
    Path html = EvaluationReport.write(report != null ? report : model.resolve("report"),
        data.getFileName().toString(), entries, Capacity.DEFAULT);
    System.out.println("report: " + html.toAbsolutePath());
    return 0;
  }

  static List<EvaluationReport.Entry> evaluateAll(Path model, InputOptions.Loaded loaded, List<Objective> objectives)
      throws IOException {
    List<Path> bundles = new ArrayList<>(List.of(model));
    Path baselines = model.resolve("baselines");
    if (Files.isDirectory(baselines)) {
      try (Stream<Path> s = Files.list(baselines)) {
        s.filter(Files::isDirectory).sorted().forEach(bundles::add);
      }
    }
    List<ModelBundle> loadedBundles = new ArrayList<>();
    for (Path b : bundles) {
      loadedBundles.add(ModelBundle.load(b));
    }
    List<EvaluationReport.Entry> entries = new ArrayList<>();
    for (Objective o : objectives.stream().distinct().toList()) {
      for (ModelBundle bundle : loadedBundles) {
        entries.add(new EvaluationReport.Entry(Evaluator.evaluate(bundle, loaded.rows(), o), bundle.provenance()));
      }
    }
    return entries;
  }
}
