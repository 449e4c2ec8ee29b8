package org.riskgate.profiles.cli;

import java.time.LocalDate;
import org.riskgate.core.Period;
import picocli.CommandLine.Option;

/** {@code --from}/{@code --to}: the period of the declarations a command reads. */
final class PeriodOptions {
  @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Read declarations dated from this day (inclusive).")
  LocalDate from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Read declarations dated up to this day (inclusive).")
  LocalDate to;

  Period period() {
    return Period.of(from, to);
  }
}
