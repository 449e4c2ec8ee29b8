package org.riskgate.documents.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.riskgate.documents.Kind;
import org.riskgate.documents.Method;
import org.riskgate.documents.verify.DefaultDocumentVerifier;
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

  @Option(names = "--pages-per-issuer", description = "pages per test issuer (default: ${DEFAULT-VALUE})")
  int pages = 9;

  @Option(names = "--validation-pages", description = "pages per validation issuer, where thresholds are chosen (default: ${DEFAULT-VALUE})")
  int validationPages = 24;

  @Option(names = "--black-point", paramLabel = "LUMA",
      description = "make every generated page a lighter scan whose black print comes out at this luma, 0..200 (default: ${DEFAULT-VALUE}, as generated)")
  int blackPoint = 0;

  @Option(names = "--method", description = "comparison method: classical or cnn (default: ${DEFAULT-VALUE})")
  String method = org.riskgate.documents.VerifierConfig.DEFAULT_METHOD.label();

  @Option(names = "--write-thresholds", paramLabel = "FILE", description = "write the validation thresholds as a properties file")
  Path thresholds;

  @Override
  public Integer call() throws Exception {
    return DocsCommand.guarded(() -> {
      if (thresholds != null && blackPoint != 0) {
        throw new IllegalArgumentException("--write-thresholds takes the generator's own scans: leave out --black-point");
      }
      long t0 = System.nanoTime();
      Evaluation.Report report = new Evaluation(DefaultDocumentVerifier.embedder(Method.parse(method))).run(new Evaluation.Config(seed, issuers, pages, validationPages, blackPoint));
      System.out.print(report.markdown());
      System.out.printf(Locale.ROOT, "%n(%.0f s)%n", (System.nanoTime() - t0) / 1e9);
      if (thresholds != null) {
        // one line per method and kind, so both methods' evaluations can write into the same file
        java.util.Properties p = new java.util.Properties();
        if (Files.exists(thresholds)) {
          try (var in = Files.newBufferedReader(thresholds)) {
            p.load(in);
          }
        }
        for (Kind k : Kind.values()) {
          p.setProperty(report.method() + "." + k.label(), String.format(Locale.ROOT, "%.2f", report.thresholds().get(k)));
        }
        try (var out = Files.newBufferedWriter(thresholds)) {
          p.store(out, String.format(Locale.ROOT, "similarity %% at the equal error rate on validation issuers; "
              + "written by: riskgate docs evaluate --method M --seed %d --issuers %d --pages-per-issuer %d --validation-pages %d --write-thresholds FILE",
              seed, issuers, pages, validationPages));
        }
      }
      return 0;
    });
  }
}
