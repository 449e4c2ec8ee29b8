package org.riskgate.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationReader;
import org.riskgate.core.RejectFile;
import picocli.CommandLine.Option;

/** How declaration files are read: the column mapping, shared by every command that reads them. */
final class InputOptions {
  @Option(names = "--columns", paramLabel = "FILE",
      description = "Column mapping (properties: field_key = Header Name) for files whose headers differ from the defaults.")
  Path columns;

  ColumnMapping mapping() throws IOException {
    return columns == null ? ColumnMapping.defaults() : ColumnMapping.fromFile(columns);
  }

  /** Reads a whole (training or evaluation) file; rejects go beside it in {@code rejectDir}. */
  Loaded readAll(Path file, Path rejectDir) throws IOException {
    return read(file, rejectDir, DeclarationReader::readAll);
  }

  /** Like {@link #readAll}, into a compact {@link org.riskgate.core.DeclarationTable}: for training sets. */
  Loaded readTable(Path file, Path rejectDir) throws IOException {
    return read(file, rejectDir, DeclarationReader::readTable);
  }

  private interface Reading {
    List<Declaration> read(Path file, ColumnMapping mapping, RejectFile rejects) throws IOException;
  }

  private Loaded read(Path file, Path rejectDir, Reading reading) throws IOException {
    RejectFile rejects = new RejectFile(rejectDir.resolve(file.getFileName() + ".rejects.csv"));
    try (rejects) {
      return new Loaded(reading.read(file, mapping(), rejects), rejects);
    }
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
