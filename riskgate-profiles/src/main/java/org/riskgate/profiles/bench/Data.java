package org.riskgate.profiles.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationReader;
import org.riskgate.core.RejectFile;

/** Finds and reads the public files for the mains. */
final class Data {
  private Data() {}

  /** The public file from ../shared when present, else the project's bundled copy. */
  static Path publicFile(String name) {
    for (Path p : List.of(Path.of("shared/data/customs-declarations", name),
        Path.of("../shared/data/customs-declarations", name), Path.of("data/customs", name),
        Path.of("../data/customs", name))) {
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new IllegalArgumentException("cannot find " + name + " under data/customs");
  }

  static List<Declaration> read(Path file) throws IOException {
    RejectFile rejects = RejectFile.beside(Path.of(System.getProperty("java.io.tmpdir"))
        .resolve(file.getFileName()));
    try (rejects) {
      List<Declaration> all = DeclarationReader.readAll(file, ColumnMapping.defaults(), rejects);
      if (rejects.count() > 0) {
        System.err.println(rejects.count() + " rows of " + file + " rejected, see " + rejects.path());
      }
      return all;
    }
  }
}
