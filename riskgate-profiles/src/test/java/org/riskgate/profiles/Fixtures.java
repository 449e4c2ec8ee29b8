package org.riskgate.profiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationReader;
import org.riskgate.core.InspectionOutcome;
import org.riskgate.core.Reject;
import org.riskgate.core.RejectSink;

/** Test data: hand-made declarations and the public files. */
public final class Fixtures {
  private Fixtures() {}

  public static Declaration decl(String id, LocalDate date, String importer, String declarant,
      String seller, String hs, String origin, double price, Boolean fraud) {
    return new Declaration(id, date, "30", "B", "11", "21", "11", "10", declarant, importer, seller,
        "", hs, origin, origin, 8.0, "A", "G", 10, price,
        fraud == null ? Optional.empty() : Optional.of(new InspectionOutcome(fraud, fraud ? 1 : 0)),
        OptionalDouble.empty(), "");
  }

  /** The public 2020 file, as bundled in the project (or in ../shared when present). */
  public static List<Declaration> publicFile(String name) {
    for (Path p : List.of(Path.of("../../shared/data/customs-declarations", name),
        Path.of("../data/customs", name))) {
      if (Files.isRegularFile(p)) {
        List<Reject> rejects = new ArrayList<>();
        try {
          return DeclarationReader.readAll(p, ColumnMapping.defaults(), new RejectSink() {
            public void reject(Reject r) {
              rejects.add(r);
            }

            public long count() {
              return rejects.size();
            }
          });
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    throw new IllegalStateException("public data file not found: " + name);
  }
}
