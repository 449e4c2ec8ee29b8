package org.riskgate.risk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** A trained model that turns feature rows into fraud probabilities. Thread-safe for scoring. */
public interface RiskModel {

  /** The trainer family that made it, e.g. {@code xgboost}: also selects the loader. */
  String kind();

  /** Fraud probability for each of {@code rows} rows of {@code cols} features (row-major). */
  double[] score(float[] x, int rows, int cols);

  /**
   * Per-feature contributions to each row's log-odds, {@code cols + 1} per row with the bias last;
   * empty when the model cannot explain itself. They add up to the row's log-odds.
   *
   * @param exact exact SHAP values (costly: for one declaration at a time), or a fast
   *     approximation suited to explaining whole lanes
   */
  Optional<float[][]> contributions(float[] x, int rows, int cols, boolean exact);

  /** Writes the model into a bundle directory. */
  void save(Path bundleDir) throws IOException;
}
