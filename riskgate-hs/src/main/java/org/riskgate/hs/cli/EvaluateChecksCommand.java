package org.riskgate.hs.cli;

import java.nio.file.Path;
import org.riskgate.hs.HsChecker;
import org.riskgate.hs.HsToolkit;
import org.riskgate.hs.check.SuggestionChecker;
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

  @CommandLine.Option(names = "--top-k", description = "override the checker's top-k (for tuning on a calibration split)")
  Integer topK;

  @CommandLine.Option(names = "--chapter-mass", description = "override the checker's chapter mass")
  Double chapterMass;

  @CommandLine.Option(names = "--requirement-mass", description = "override the checker's requirement mass")
  Double requirementMass;

  @Override
  int work() {
    HsToolkit t = toolkit();
    SuggestionChecker.Thresholds d = SuggestionChecker.Thresholds.defaults();
    SuggestionChecker.Thresholds th = new SuggestionChecker.Thresholds(
        chapterMass == null ? d.chapterMass() : chapterMass,
        requirementMass == null ? d.requirementMass() : requirementMass,
        topK == null ? d.topK() : topK);
    HsChecker checker = new SuggestionChecker(t.suggester(), t.requirements(), t.nomenclature(), th);
    CheckEvaluation e = CheckEvaluation.of(checker, t.requirements(), data);
    out().println(e.table());
    if (errors) {
      e.errors().forEach(out()::println);
    }
    out().flush();
    return 0;
  }
}
