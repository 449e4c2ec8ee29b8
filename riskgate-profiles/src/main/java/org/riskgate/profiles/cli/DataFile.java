package org.riskgate.profiles.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.Declarations;
import org.riskgate.core.Period;
import org.riskgate.core.RejectFile;

/**
 * Reads the declarations of a period for a command (a CSV or Parquet file or a lake directory),
 * reporting rejected rows on stderr.
 */
final class DataFile {
  private DataFile() {}

  static List<Declaration> read(Path file, Period period, PrintWriter err) throws IOException {
    // Rejects go to the temp directory: the data may sit where we cannot (or should not) write.
    RejectFile rejects = RejectFile.beside(Path.of(System.getProperty("java.io.tmpdir"))
        .resolve(file.getFileName()));
    try (rejects) {
      List<Declaration> all = Declarations.readAll(file, period, ColumnMapping.defaults(), rejects);
      if (rejects.count() > 0) {
        err.println(rejects.count() + " unreadable rows skipped, listed in " + rejects.path());
      }
      if (all.isEmpty()) {
        throw new IllegalArgumentException(file + " has no readable declaration"
            + (period.isAll() ? "" : " in " + period));
      }
      return all;
    }
  }

  /** The as-of day a command uses when none is given: the day after the file's last date. */
  static java.time.LocalDate dayAfterLast(List<Declaration> ds) {
    return ds.stream().map(Declaration::date).max(java.time.LocalDate::compareTo).orElseThrow()
        .plusDays(1);
  }
}
