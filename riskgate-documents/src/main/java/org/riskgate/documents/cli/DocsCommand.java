package org.riskgate.documents.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.riskgate.documents.DocumentInputException;
import org.riskgate.documents.VerifierConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code riskgate docs}: counterfeit document check (stamps and signatures). */
@Command(
    name = "docs",
    mixinStandardHelpOptions = true,
    description = "Find stamps and signatures on scanned documents and compare them with registered references.",
    subcommands = {
      RegisterCommand.class, ListCommand.class, ReplaceCommand.class, RetireCommand.class,
      VerifyCommand.class, GenerateCommand.class, EvaluateCommand.class, TrainCnnCommand.class, TrainClassicalCommand.class,
      TrainDetectorCommand.class
    })
public final class DocsCommand implements Runnable {

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  /** Options every registry-using subcommand shares. */
  static final class RegistryOptions {
    @Option(names = "--registry", paramLabel = "DIR", description = "reference registry folder (default: ~/.riskgate/registry)")
    Path registry = VerifierConfig.defaultRegistry();

    @Option(names = "--max-pixels", paramLabel = "N", description = "refuse images with more pixels than this, before decoding (default: ${DEFAULT-VALUE})")
    long maxPixels = VerifierConfig.DEFAULT_MAX_PIXELS;

    @Option(names = "--method", description = "comparison method: classical or cnn (default: ${DEFAULT-VALUE})")
    String method = VerifierConfig.DEFAULT_METHOD.label();

    VerifierConfig config() {
      return new VerifierConfig(registry, org.riskgate.documents.Method.parse(method), maxPixels);
    }
  }

  /** Runs a body, turning bad input into one line on stderr and exit code 2 instead of a trace. */
  static int guarded(Callable<Integer> body) throws Exception {
    try {
      return body.call();
    } catch (DocumentInputException | IllegalArgumentException | IllegalStateException e) {
      System.err.println("riskgate docs: " + e.getMessage());
      return 2;
    }
  }
}
