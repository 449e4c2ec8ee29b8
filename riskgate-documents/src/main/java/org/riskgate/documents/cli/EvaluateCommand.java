package org.riskgate.documents.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.riskgate.documents.Kind;
import org.riskgate.documents.compare.ClassicalEmbedder;
import org.riskgate.documents.eval.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code riskgate docs evaluate}. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Measure detection and verification on generated validation and test issuers.")
final class EvaluateCommand implements Callable<Integer> {
  @Option(names = "--seed", description = "generator seed (default: ${DEFAULT-VALUE})")
  long seed = 7;

  @Option(names = "--issuers", description = "issuers in the population; a fifth are test issuers (default: ${DEFAULT-VALUE})")
  int issuers = 60;

  @Option(names = "--pages-per-issuer", description = "pages per issuer (default: ${DEFAULT-VALUE})")
  int pages = 9;

  @Option(names = "--write-thresholds", paramLabel = "FILE", description = "write the validation thresholds as a properties file")
  Path thresholds;

  @Override
  public Integer call() throws Exception {
    return DocsCommand.guarded(() -> {
      long t0 = System.nanoTime();
      Evaluation.Report report = new Evaluation(new ClassicalEmbedder()).run(new Evaluation.Config(seed, issuers, pages));
      System.out.print(report.markdown());
      System.out.printf(Locale.ROOT, "%n(%.0f s)%n", (System.nanoTime() - t0) / 1e9);
      if (thresholds != null) {
        Files.writeString(thresholds, String.format(Locale.ROOT,
            "# similarity %% at the equal error rate on validation issuers; written by: riskgate docs evaluate --seed %d --issuers %d --pages-per-issuer %d --write-thresholds FILE%n"
                + "%s.stamp=%.2f%n%s.signature=%.2f%n",
            seed, issuers, pages, report.method(), report.thresholds().get(Kind.STAMP), report.method(), report.thresholds().get(Kind.SIGNATURE)));
      }
      return 0;
    });
  }
}
