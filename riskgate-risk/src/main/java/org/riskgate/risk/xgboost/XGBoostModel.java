package org.riskgate.risk.xgboost;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.riskgate.risk.ModelException;
import org.riskgate.risk.RiskModel;

/**
 * A trained XGBoost booster (boosted trees, or a random forest in XGBoost's forest mode);
 * explains a score with exact SHAP values (TreeSHAP) or, for whole lanes, tree-path
 * contributions.
 */
public final class XGBoostModel implements RiskModel {
  static final String FILE = "model.ubj";
  private final Booster booster;
  private final String kind;
  private final TreePaths paths;

  XGBoostModel(Booster booster, String kind) {
    this.booster = booster;
    this.kind = kind;
    this.paths = TreePaths.of(booster);
  }

  /** Loads the booster saved in a bundle directory. */
  public static XGBoostModel load(Path bundleDir, String kind) throws IOException {
    try {
      return new XGBoostModel(XGBoost.loadModel(bundleDir.resolve(FILE).toString()), kind);
    } catch (XGBoostError e) {
      throw new IOException("cannot load XGBoost model from " + bundleDir.resolve(FILE) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public double[] score(float[] x, int rows, int cols) {
    if (rows == 0) {
      return new double[0];
    }
    try {
      float[][] p = booster.inplace_predict(x, rows, cols, Float.NaN);
      double[] out = new double[rows];
      for (int i = 0; i < rows; i++) {
        out[i] = p[i][0];
      }
      return out;
    } catch (XGBoostError e) {
      throw new ModelException("XGBoost prediction failed: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<float[][]> contributions(float[] x, int rows, int cols, boolean exact) {
    if (rows == 0) {
      return Optional.of(new float[0][]);
    }
    if (!exact) {
      return Optional.of(paths.contributions(x, rows, cols));
    }
    try {
      DMatrix m = new DMatrix(x, rows, cols, Float.NaN);
      try {
        return Optional.of(booster.predictContrib(m, 0));
      } finally {
        m.dispose();
      }
    } catch (XGBoostError e) {
      throw new ModelException("XGBoost SHAP contributions failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void save(Path bundleDir) throws IOException {
    try {
      booster.saveModel(bundleDir.resolve(FILE).toString());
    } catch (XGBoostError e) {
      throw new IOException("cannot save XGBoost model: " + e.getMessage(), e);
    }
  }
}
