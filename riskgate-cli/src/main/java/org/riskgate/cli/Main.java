package org.riskgate.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code riskgate} command: every capability module contributes its subcommands here. */
@Command(
    name = "riskgate",
    mixinStandardHelpOptions = true,
    version = "riskgate 0.1.0",
    description = "Customs risk management: score declarations into lanes, explain, audit.")
public final class Main implements Runnable {

  /** One entry per subcommand; capability modules add theirs in this list. */
  static List<Object> subcommands() {
    return List.of(
        new DemoCommand(),
        new org.riskgate.documents.cli.DocsCommand(),
        new org.riskgate.hs.cli.HsCommand(),
        new TrainCommand(),
        new ClustersCommand(),
        new SimilarCommand(),
        new EvaluateCommand(),
        new ScoreCommand(),
        new RetrainCommand(),
        new DriftCommand(),
        new SimulateCommand(),
        new org.riskgate.server.cli.ServeCommand(),
        new org.riskgate.server.cli.AuditCommand(),
        new org.riskgate.profiles.cli.ProfileCommand(),
        new org.riskgate.profiles.cli.NetworkCommand(),
        new org.riskgate.profiles.cli.GroupsCommand(),
        new org.riskgate.profiles.cli.RulesCommand(),
        new org.riskgate.lake.cli.LakeCommand(),
        new org.riskgate.lake.cli.SqlCommand());
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code; errors are shown as one message, never a trace. */
  public static int run(String... args) {
    // Tribuo reports every training step on java.util.logging; the CLI prints its own summary.
    java.util.logging.Logger.getLogger("org.tribuo").setLevel(java.util.logging.Level.WARNING);
    CommandLine cli = new CommandLine(new Main());
    subcommands().forEach(cli::addSubcommand);
    // after the subcommands: the setting reaches only those already added
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(new UserErrors());
    return cli.execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
