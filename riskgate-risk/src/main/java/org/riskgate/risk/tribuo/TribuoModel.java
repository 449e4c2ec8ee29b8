package org.riskgate.risk.tribuo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.riskgate.risk.RiskModel;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/** A Tribuo classification model; scores are the probability (or vote share) of the fraud label. */
public final class TribuoModel implements RiskModel {
  static final String FILE = "model.tribuo";
  static final String FRAUD = "1";
  static final String CLEAN = "0";
  private final String kind;
  private final Model<Label> model;
  private final String[] names;

  TribuoModel(String kind, Model<Label> model, List<String> featureNames) {
    this.kind = kind;
    this.model = model;
    this.names = featureNames.toArray(String[]::new);
  }

  /** Loads a model saved in a bundle directory. */
  @SuppressWarnings("unchecked")
  public static TribuoModel load(String kind, Path bundleDir, List<String> featureNames) throws IOException {
    Model<?> m = Model.deserializeFromFile(bundleDir.resolve(FILE));
    if (!m.validate(Label.class)) {
      throw new IOException(bundleDir.resolve(FILE) + " is not a classification model");
    }
    return new TribuoModel(kind, (Model<Label>) m, featureNames);
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public double[] score(float[] x, int rows, int cols) {
    List<Example<Label>> examples = new ArrayList<>(rows);
    for (int r = 0; r < rows; r++) {
      examples.add(example(names, x, r, cols, new Label(CLEAN)));
    }
    List<Prediction<Label>> p = model.predict(examples);
    double[] out = new double[rows];
    for (int r = 0; r < rows; r++) {
      Label fraud = p.get(r).getOutputScores().get(FRAUD);
      out[r] = fraud == null ? 0 : fraud.getScore();
    }
    return out;
  }

  @Override
  public Optional<float[][]> contributions(float[] x, int rows, int cols, boolean exact) {
    return Optional.empty();
  }

  @Override
  public void save(Path bundleDir) throws IOException {
    model.serializeToFile(bundleDir.resolve(FILE));
  }

  /** One row as a Tribuo example; missing values become 0, which linear models and trees both take. */
  static ArrayExample<Label> example(String[] names, float[] x, int row, int cols, Label label) {
    double[] v = new double[cols];
    for (int c = 0; c < cols; c++) {
      float f = x[row * cols + c];
      v[c] = Float.isNaN(f) ? 0 : f;
    }
    return new ArrayExample<>(label, names, v);
  }
}
