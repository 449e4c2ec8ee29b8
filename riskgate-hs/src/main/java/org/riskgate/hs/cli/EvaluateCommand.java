package org.riskgate.hs.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.riskgate.hs.eval.SuggestionEvaluation;
import org.riskgate.hs.learn.HistoryModel;
import org.riskgate.hs.learn.HistoryTrainer;
import org.riskgate.hs.learn.LabelledData;
import org.riskgate.hs.nomenclature.HsTree;
import org.riskgate.hs.suggest.BlendedSuggester;
import org.riskgate.hs.suggest.Calibration;
import org.riskgate.hs.suggest.Glossary;
import org.riskgate.hs.suggest.KnowledgeIndex;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hs evaluate}: accuracy tables on a labelled CSV, optionally a learning curve. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Top-1/top-5 accuracy at HS6, HS4, HS2 per split and language on description,hs_code rows.")
final class EvaluateCommand extends Common {

  @CommandLine.Option(names = "--data", required = true, paramLabel = "LABELLED.csv")
  Path data;

  @CommandLine.Option(names = "--split", paramLabel = "NAME",
      description = "evaluate only rows whose split column has this value, e.g. heldout")
  String split;

  @CommandLine.Option(names = "--history", paramLabel = "TRAIN.csv",
      description = "learning curve: train in memory on growing shares of this file and evaluate each")
  Path history;

  @CommandLine.Option(names = "--fractions", split = ",", defaultValue = "0,0.25,0.5,1",
      description = "shares of --history to train on (default 0,0.25,0.5,1)")
  List<Double> fractions;

  @CommandLine.Option(names = "--no-glossary",
      description = "ablation: build the knowledge index from the nomenclature text alone")
  boolean noGlossary;

  @CommandLine.Option(names = "--misses", description = "also list rows whose heading was missed")
  boolean misses;

  @CommandLine.Option(names = "--fit-temperature",
      description = "print the log-loss and calibration error of the retrieval softmax for a grid of temperatures")
  boolean fitTemperature;

  @Override
  int work() {
    HsTree tree = HsTree.hs2022();
    LabelledData d = LabelledData.read(data, tree);
    for (LabelledData.Skipped s : d.skipped()) {
      spec.commandLine().getErr().println(data + " line " + s.line() + ": skipped, " + s.reason());
    }
    List<LabelledData.Row> rows = d.rows().stream()
        .filter(r -> split == null || r.split().equals(split)).toList();
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("no rows to evaluate in " + data);
    }
    out().printf(Locale.ROOT, "%d rows evaluated, %d skipped%n%n", rows.size(), d.skipped().size());
    if (fitTemperature) {
      KnowledgeIndex index = KnowledgeIndex.build(tree, Glossary.bundled(), KnowledgeIndex.Weights.defaults());
      out().println("| temperature | log-loss (HS6) | ECE (top-1) |\n|---:|---:|---:|");
      for (double t : new double[] {0.05, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.4}) {
        BlendedSuggester s = new BlendedSuggester(index, Optional.empty(),
            new Calibration(t, Calibration.defaults().retrievalShare()));
        double nll = 0;
        for (LabelledData.Row r : rows) {
          double p = s.suggest(r.description(), 60).stream().filter(x -> x.subheading().equals(r.code()))
              .mapToDouble(org.riskgate.hs.Suggestion::confidence).findFirst().orElse(0);
          nll -= Math.log(Math.max(1e-4, p));
        }
        SuggestionEvaluation e = SuggestionEvaluation.of(s, rows);
        out().printf(Locale.ROOT, "| %.2f | %.3f | %.3f |%n", t, nll / rows.size(), e.expectedCalibrationError());
      }
      out().flush();
      return 0;
    }
    if (history == null && noGlossary) {
      KnowledgeIndex index = KnowledgeIndex.build(tree, glossary(), KnowledgeIndex.Weights.defaults());
      print(SuggestionEvaluation.of(new BlendedSuggester(index, Optional.empty(), Calibration.defaults()), rows));
      return 0;
    }
    if (history == null) {
      SuggestionEvaluation e = SuggestionEvaluation.of(toolkit().suggester(), rows);
      print(e);
      return 0;
    }
    List<LabelledData.Row> train = LabelledData.read(history, tree).rows();
    KnowledgeIndex index = KnowledgeIndex.build(tree, glossary(), KnowledgeIndex.Weights.defaults());
    for (double f : fractions) {
      // the first f of the file in file order: history grows over time, it is not resampled
      List<LabelledData.Row> part = new ArrayList<>(train.subList(0, (int) Math.round(f * train.size())));
      Optional<HistoryModel> m = part.size() < 2 ? Optional.empty()
          : Optional.of(new HistoryTrainer(HistoryTrainer.Config.defaults()).fit(part));
      SuggestionEvaluation e = SuggestionEvaluation.of(new BlendedSuggester(index, m, Calibration.defaults()), rows);
      out().printf(Locale.ROOT, "### history rows: %d (%.0f%% of %s)%n%n", part.size(), 100 * f, history);
      print(e);
    }
    return 0;
  }

  private Glossary glossary() {
    return noGlossary ? new Glossary(List.of()) : Glossary.bundled();
  }

  private void print(SuggestionEvaluation e) {
    out().println(e.table());
    if (misses) {
      e.misses().forEach(out()::println);
    }
    out().flush();
  }

}
