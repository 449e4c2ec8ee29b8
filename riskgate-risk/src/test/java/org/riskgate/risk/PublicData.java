package org.riskgate.risk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationReader;
import org.riskgate.core.Reject;
import org.riskgate.core.RejectSink;

/** The bundled public declarations, read once per test JVM. */
public final class PublicData {
  private static List<Declaration> train;
  private static List<Declaration> valid;

  private PublicData() {}

  public static synchronized List<Declaration> train() {
    if (train == null) {
      train = read("df_syn_train_eng.csv");
    }
    return train;
  }

  public static synchronized List<Declaration> valid() {
    if (valid == null) {
      valid = read("df_syn_valid_eng.csv");
    }
    return valid;
  }

  private static List<Declaration> read(String name) {
    try {
      return DeclarationReader.readAll(Path.of("../data/customs", name), ColumnMapping.defaults(), new RejectSink() {
        @Override
        public void reject(Reject r) {
          throw new AssertionError("the public data has no bad rows: " + r.describe());
        }

        @Override
        public long count() {
          return 0;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
