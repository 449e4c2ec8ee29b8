package org.riskgate.hs.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.riskgate.hs.HsToolkit;
import picocli.CommandLine;

/** What the subcommands share: the model and requirement-table options, and one error policy. */
abstract class Common implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--model", paramLabel = "DIR", description = "trained model directory (optional)")
  Path model;

  @CommandLine.Option(names = "--requirements", paramLabel = "FILE",
      description = "requirement table CSV replacing the bundled one")
  Path requirements;

  @CommandLine.Option(names = "--national", paramLabel = "FILE",
      description = "national 8-10 digit lines (CSV code,description) added to the HS tree")
  Path national;

  HsToolkit toolkit() {
    return HsToolkit.create(Optional.ofNullable(model), Optional.ofNullable(requirements),
        Optional.ofNullable(national));
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** The command's work; user errors are thrown as IllegalArgumentException. */
  abstract int work() throws Exception;

  @Override
  public final Integer call() throws Exception {
    try {
      return work();
    } catch (IllegalArgumentException | UncheckedIOException | de.siegmar.fastcsv.reader.CsvParseException e) {
      // bad input is the user's to fix: one line, no stack trace
      spec.commandLine().getErr().println("error: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return 2;
    }
  }
}
