package org.riskgate.documents.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.riskgate.documents.compare.CnnTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code riskgate docs train-cnn}: regenerates the shipped CNN weights. */
@Command(name = "train-cnn", mixinStandardHelpOptions = true,
    description = "Train the stamp and signature embedding CNNs on generated training issuers and write their weights.")
final class TrainCnnCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "where to write cnn-stamp.params, cnn-signature.params and cnn-provenance.properties "
          + "(the shipped ones live in riskgate-documents/src/main/resources/org/riskgate/documents)")
  Path out;

  @Option(names = "--steps", description = "optimiser steps per network (default: ${DEFAULT-VALUE})")
  int steps = CnnTrainer.Config.defaults().steps();

  @Override
  public Integer call() throws Exception {
    return DocsCommand.guarded(() -> {
      CnnTrainer.Config d = CnnTrainer.Config.defaults();
      new CnnTrainer(System.out).train(new CnnTrainer.Config(d.seed(), d.issuers(), d.genuinePerIssuer(), d.skilledPerIssuer(),
          steps, d.batch(), d.margin(), d.learningRate()), out);
      System.out.println("wrote weights to " + out);
      return 0;
    });
  }
}
