package org.riskgate.documents.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.riskgate.documents.compare.ClassicalTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code riskgate docs train-classical}: refits the classical method's shipped scoring model. */
@Command(name = "train-classical", mixinStandardHelpOptions = true,
    description = "Fit the classical method's scoring (logistic regression over alignment features) on generated training issuers.")
final class TrainClassicalCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "where to write classical-model.properties "
          + "(the shipped one lives in riskgate-documents/src/main/resources/org/riskgate/documents)")
  Path out;

  @Override
  public Integer call() throws Exception {
    return DocsCommand.guarded(() -> {
      new ClassicalTrainer(System.out).train(ClassicalTrainer.Config.defaults(), out);
      System.out.println("wrote " + out.resolve("classical-model.properties"));
      return 0;
    });
  }
}
