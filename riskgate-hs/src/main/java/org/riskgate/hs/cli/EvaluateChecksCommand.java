package org.riskgate.hs.cli;

import java.nio.file.Path;
import org.riskgate.hs.HsToolkit;
import org.riskgate.hs.eval.CheckEvaluation;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hs evaluate-checks}: precision and recall of the mismatch and review-object flags. */
@Command(name = "evaluate-checks", mixinStandardHelpOptions = true,
    description = "Precision/recall of mismatch and review-object flags on description,declared_code,true_code rows.")
final class EvaluateChecksCommand extends Common {

  @CommandLine.Option(names = "--data", required = true, paramLabel = "CHECKS.csv")
  Path data;

  @CommandLine.Option(names = "--errors", description = "also list the lines the checker got wrong")
  boolean errors;

  @Override
  int work() {
    HsToolkit t = toolkit();
    CheckEvaluation e = CheckEvaluation.of(t.checker(), t.requirements(), data);
    out().println(e.table());
    if (errors) {
      e.errors().forEach(out()::println);
    }
    out().flush();
    return 0;
  }
}
