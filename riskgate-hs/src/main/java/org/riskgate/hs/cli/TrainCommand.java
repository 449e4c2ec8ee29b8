package org.riskgate.hs.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.riskgate.hs.learn.HistoryTrainer;
import org.riskgate.hs.learn.LabelledData;
import org.riskgate.hs.nomenclature.HsTree;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hs train}: learn from labelled history and write a model directory. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train the history model on a CSV with description,hs_code columns.")
final class TrainCommand extends Common {

  @CommandLine.Option(names = "--data", required = true, paramLabel = "LABELLED.csv")
  Path data;

  @CommandLine.Option(names = "--epochs", defaultValue = "15")
  int epochs;

  @Override
  int work() {
    if (model == null) {
      throw new IllegalArgumentException("--model DIR is required: where to write the model");
    }
    LabelledData d = LabelledData.read(data, HsTree.hs2022());
    for (LabelledData.Skipped s : d.skipped()) {
      spec.commandLine().getErr().println(data + " line " + s.line() + ": skipped, " + s.reason());
    }
    HistoryTrainer.Config defaults = HistoryTrainer.Config.defaults();
    HistoryTrainer.Summary s = new HistoryTrainer(
        new HistoryTrainer.Config(epochs, defaults.learningRate(), defaults.seed())).train(d, model);
    out().printf(Locale.ROOT, "trained on %d rows (%d HS6 codes), skipped %d, %.1f s; model in %s%n",
        s.rows(), s.classes(), s.skipped().size(), s.seconds(), model);
    out().flush();
    return 0;
  }
}
