package org.riskgate.profiles.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationReader;
import org.riskgate.core.RejectFile;

/** Reads a declaration file for a command, reporting rejected rows on stderr. */
final class DataFile {
  private DataFile() {}

  static List<Declaration> read(Path file, PrintWriter err) throws IOException {
    // Rejects go to the temp directory: the data may sit where we cannot (or should not) write.
    RejectFile rejects = RejectFile.beside(Path.of(System.getProperty("java.io.tmpdir"))
        .resolve(file.getFileName()));
    try (rejects) {
      List<Declaration> all = DeclarationReader.readAll(file, ColumnMapping.defaults(), rejects);
      if (rejects.count() > 0) {
        err.println(rejects.count() + " unreadable rows skipped, listed in " + rejects.path());
      }
      if (all.isEmpty()) {
        throw new IllegalArgumentException(file + " has no readable declaration");
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
