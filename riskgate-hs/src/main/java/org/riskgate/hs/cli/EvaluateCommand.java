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

  @CommandLine.Option(names = "--misses", description = "also list rows whose heading was missed")
  boolean misses;

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
    if (history == null) {
      SuggestionEvaluation e = SuggestionEvaluation.of(toolkit().suggester(), rows);
      print(e);
      return 0;
    }
    List<LabelledData.Row> train = LabelledData.read(history, tree).rows();
    KnowledgeIndex index = KnowledgeIndex.build(tree, Glossary.bundled(), KnowledgeIndex.Weights.defaults());
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

  private void print(SuggestionEvaluation e) {
    out().println(e.table());
    if (misses) {
      e.misses().forEach(out()::println);
    }
    out().flush();
  }

}
