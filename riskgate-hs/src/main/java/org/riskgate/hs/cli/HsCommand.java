package org.riskgate.hs.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code riskgate hs}: HS code suggestion, training, evaluation and declaration checks. */
@Command(
    name = "hs",
    mixinStandardHelpOptions = true,
    description = "HS code suggestion from item descriptions, mismatch and review-object checks.",
    subcommands = {
      SuggestCommand.class,
      TrainCommand.class,
      EvaluateCommand.class,
      CheckCommand.class,
      EvaluateChecksCommand.class
    })
public final class HsCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Runs {@code hs} on its own (used by tests and for a quick start without the full CLI). */
  public static void main(String[] args) {
    System.exit(new CommandLine(new HsCommand()).execute(args));
  }
}
