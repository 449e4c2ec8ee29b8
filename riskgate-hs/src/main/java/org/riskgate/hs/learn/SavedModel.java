package org.riskgate.hs.learn;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.riskgate.hs.HsCode;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/**
 * A trained history model loaded from a model directory: the Tribuo linear model
 * ({@code linear.tribuo}) and the accepted training rows ({@code history.csv}) from which the
 * neighbour index is rebuilt. Its prediction is the mean of the two distributions.
 */
public final class SavedModel implements HistoryModel {

  static final String LINEAR = "linear.tribuo";
  static final String HISTORY = "history.csv";
  static final String PROVENANCE = "provenance.json";

  private final Model<Label> linear;
  private final NeighbourIndex neighbours;

  SavedModel(Model<Label> linear, List<LabelledData.Row> history) {
    this.linear = linear;
    this.neighbours = new NeighbourIndex(history);
  }

  /**
   * Loads a model directory written by {@link HistoryTrainer}.
   *
   * @throws IllegalArgumentException if the directory is not a model directory
   */
  @SuppressWarnings("unchecked")
  public static SavedModel load(Path dir) {
    Path lin = dir.resolve(LINEAR);
    Path hist = dir.resolve(HISTORY);
    if (!Files.isRegularFile(lin) || !Files.isRegularFile(hist)) {
      throw new IllegalArgumentException(dir + " is not an HS model directory (run hs train first)");
    }
    try {
      Model<?> m = Model.deserializeFromFile(lin);
      if (!m.validate(Label.class)) {
        throw new IllegalArgumentException(lin + " is not a classification model");
      }
      List<LabelledData.Row> rows = new ArrayList<>();
      try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(hist)) {
        for (NamedCsvRecord r : csv) {
          rows.add(new LabelledData.Row(r.getStartingLineNumber(), r.getField("description"),
              new HsCode(r.getField("hs_code")), "", ""));
        }
      }
      return new SavedModel((Model<Label>) m, rows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the HS model from " + dir, e);
    }
  }

  @Override
  public HistoryPrediction predict(String description) {
    Map<String, Double> f = Features.of(description);
    // Tribuo refuses an example without any feature it saw in training; such a description has
    // nothing to say to the linear model, so only the neighbours speak
    f.keySet().retainAll(linear.getFeatureIDMap().keySet());
    Map<HsCode, Double> probs = new HashMap<>();
    if (!f.isEmpty()) {
      String[] names = f.keySet().toArray(String[]::new);
      double[] values = new double[names.length];
      for (int i = 0; i < names.length; i++) {
        values[i] = f.get(names[i]);
      }
      Prediction<Label> p = linear.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, values));
      for (Label l : p.getOutputScores().values()) {
        if (l.getScore() > 1e-4) {
          probs.put(new HsCode(l.getLabel()), 0.5 * l.getScore());
        }
      }
    }
    HistoryPrediction nn = neighbours.vote(description);
    nn.probabilities().forEach((c, v) -> probs.merge(c, 0.5 * v, Double::sum));
    return new HistoryPrediction(probs, nn.evidence(), nn.strength());
  }
}
