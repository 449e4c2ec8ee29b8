package org.riskgate.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.Declarations;
import org.riskgate.core.Period;
import org.riskgate.core.RejectFile;
import picocli.CommandLine.Option;

/**
 * How declarations are read: the column mapping and the period, shared by every command that
 * reads them. The input may be a CSV file, a Parquet file or a lake directory ({@link Declarations}).
 */
final class InputOptions {
  @Option(names = "--columns", paramLabel = "FILE",
      description = "Column mapping (properties: field_key = Header Name) for files whose headers differ from the defaults.")
  Path columns;

  @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Read declarations dated from this day (inclusive).")
  LocalDate from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Read declarations dated up to this day (inclusive).")
  LocalDate to;

  ColumnMapping mapping() throws IOException {
    return columns == null ? ColumnMapping.defaults() : ColumnMapping.fromFile(columns);
  }

  Period period() {
    return Period.of(from, to);
  }

  /** Reads a whole (training or evaluation) period; rejects go beside it in {@code rejectDir}. */
  Loaded readAll(Path input, Period period, Path rejectDir) throws IOException {
    return read(input, period, rejectDir, Declarations::readAll);
  }

  /** Like {@link #readAll}, into a compact {@link org.riskgate.core.DeclarationTable}: for training sets. */
  Loaded readTable(Path input, Period period, Path rejectDir) throws IOException {
    return read(input, period, rejectDir, Declarations::readTable);
  }

  private interface Reading {
    List<Declaration> read(Path input, Period period, ColumnMapping mapping, RejectFile rejects) throws IOException;
  }

  private Loaded read(Path input, Period period, Path rejectDir, Reading reading) throws IOException {
    RejectFile rejects = new RejectFile(rejectDir.resolve(input.getFileName() + ".rejects.csv"));
    try (rejects) {
      return new Loaded(reading.read(input, period, mapping(), rejects), rejects);
    }
  }

  /** Reads the period of {@code --from}/{@code --to}. */
  Loaded readAll(Path input, Path rejectDir) throws IOException {
    return readAll(input, period(), rejectDir);
  }

  record Loaded(List<Declaration> rows, RejectFile rejects) {
    String describe(Path file) {
      String s = String.format("%s: %,d declarations", file, rows.size());
      if (rejects.count() > 0) {
        s += String.format(", %,d rejected (see %s; first: %s)", rejects.count(), rejects.path(),
            rejects.first().get(0).describe());
      }
      return s;
    }
  }
}
