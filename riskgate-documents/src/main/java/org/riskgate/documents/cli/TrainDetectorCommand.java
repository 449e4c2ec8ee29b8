package org.riskgate.documents.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.riskgate.documents.detect.DetectorTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code riskgate docs train-detector}: regenerates the shipped detector weights. */
@Command(name = "train-detector", mixinStandardHelpOptions = true,
    description = "Train the learned stamp and signature detector on the training generator's varied pages and write its weights.")
final class TrainDetectorCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "where to write detector.params and detector-provenance.properties "
          + "(the shipped ones live in riskgate-documents/src/main/resources/org/riskgate/documents)")
  Path out;

  @Option(names = "--pages-per-issuer", description = "training pages per training issuer (default: ${DEFAULT-VALUE})")
  int pages = DetectorTrainer.Config.defaults().pagesPerIssuer();

  @Option(names = "--steps", description = "optimiser steps (default: ${DEFAULT-VALUE})")
  int steps = DetectorTrainer.Config.defaults().steps();

  @Option(names = "--validation-pages", description = "varied validation pages per validation issuer checked afterwards (default: ${DEFAULT-VALUE})")
  int validationPages = DetectorTrainer.Config.defaults().validationPages();

  @Override
  public Integer call() throws Exception {
    return DocsCommand.guarded(() -> {
      DetectorTrainer.Config d = DetectorTrainer.Config.defaults();
      new DetectorTrainer(System.out).train(new DetectorTrainer.Config(d.seed(), d.issuers(), pages, steps, d.batch(),
          d.learningRate(), validationPages), out);
      System.out.println("wrote detector weights to " + out);
      return 0;
    });
  }
}
