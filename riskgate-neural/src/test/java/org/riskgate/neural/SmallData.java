package org.riskgate.neural;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationReader;
import org.riskgate.core.RejectFile;
import org.riskgate.risk.FeatureSet;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.RiskTraining;
import org.riskgate.risk.Trainer;

/**
 * The first 4,000 declarations of the bundled 2020 file with their point-in-time features, read
 * once per test JVM: enough for a network to learn something in two epochs, in seconds.
 */
final class SmallData {
  static final NeuralOptions QUICK = NeuralOptions.DEFAULT.withEpochs(2);
  private static SmallData data;

  final List<Declaration> rows;
  final RiskTraining.Prepared prepared;
  final Path dir;

  private SmallData() throws IOException {
    dir = Files.createTempDirectory("riskgate-neural-test");
    List<Declaration> all = DeclarationReader.readAll(Path.of("../data/customs/df_syn_train_eng.csv"),
        ColumnMapping.defaults(), new RejectFile(dir.resolve("rejects.csv")));
    rows = all.subList(0, 4000);
    prepared = RiskTraining.prepare(rows, Optional.empty());
    Files.writeString(dir.resolve("train.csv"), "stand-in for provenance hashing\n");
  }

  static synchronized SmallData get() {
    if (data == null) {
      try {
        data = new SmallData();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return data;
  }

  /** A bundle of the trainer's model, on every feature (the parties' codes included). */
  ModelBundle train(Trainer trainer) throws IOException {
    return RiskTraining.fit(prepared, trainer, FeatureSet.IDENTITIES,
        new RiskTraining.Source(dir.resolve("train.csv"), 0, Optional.empty()));
  }

  /** The first {@code n} rows of the training matrix. */
  float[] head(int n) {
    return Arrays.copyOf(prepared.train().x(), n * prepared.train().cols());
  }
}
