package org.riskgate.risk;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.riskgate.risk.features.FeaturePipeline;
import org.riskgate.risk.tribuo.TribuoModel;
import org.riskgate.risk.xgboost.XGBoostModel;

/**
 * A trained model with everything needed to use it and to trust it: the fitted feature state
 * (history up to the end of training), the model, and its provenance. Stored as one directory:
 * {@code provenance.json}, {@code features.bin.gz} and the backend's model file.
 */
public final class ModelBundle {
  static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final String PROVENANCE = "provenance.json";
  private static final String FEATURES = "features.bin.gz";

  private final FeaturePipeline features;
  private final RiskModel model;
  private final Provenance provenance;

  public ModelBundle(FeaturePipeline features, RiskModel model, Provenance provenance) {
    this.features = features;
    this.model = model;
    this.provenance = provenance;
  }

  public String id() {
    return provenance.bundleId();
  }

  /** The feature pipeline with the history as it stood at the end of training. */
  public FeaturePipeline features() {
    return features;
  }

  public RiskModel model() {
    return model;
  }

  public Provenance provenance() {
    return provenance;
  }

  /** Writes the bundle into {@code dir}, creating it. */
  public void save(Path dir) throws IOException {
    Files.createDirectories(dir);
    model.save(dir);
    features.save(dir.resolve(FEATURES));
    JSON.writeValue(dir.resolve(PROVENANCE).toFile(), provenance);
  }

  /** Reads a bundle written by {@link #save}; a missing or foreign directory is named in the error. */
  public static ModelBundle load(Path dir) throws IOException {
    Path prov = dir.resolve(PROVENANCE);
    if (!Files.isRegularFile(prov)) {
      throw new IOException(dir + " is not a model bundle (no " + PROVENANCE + "); train one with: riskgate train");
    }
    Provenance p = JSON.readValue(prov.toFile(), Provenance.class);
    if (!Files.isRegularFile(dir.resolve(FEATURES))) {
      throw new IOException(dir + " has no " + FEATURES + " (made by an older riskgate, or damaged); retrain it");
    }
    FeaturePipeline f = FeaturePipeline.load(dir.resolve(FEATURES));
    if (!f.names().equals(p.featureNames())) {
      throw new IOException(dir + " was made by a version of riskgate with other features; retrain it");
    }
    RiskModel m = switch (p.trainer()) {
      case "xgboost", "random-forest" -> XGBoostModel.load(dir, p.trainer());
      case "logistic" -> TribuoModel.load(p.trainer(), dir, p.modelFeatures());
      // as trained: the blend's parts read the model's columns, which reading() takes from the pipeline's
      case Blend.KIND -> Blend.load(dir, p.modelFeatures());
      default -> ModelFormat.load(p.trainer(), dir, p.modelFeatures());
    };
    return new ModelBundle(f, reading(m, p), p);
  }

  /** The model as the pipeline sees it: reading whole rows even when it learned from some columns. */
  static RiskModel reading(RiskModel model, Provenance p) {
    return p.modelFeatures().equals(p.featureNames()) ? model
        : new ColumnSubset(model, p.featureNames(), p.modelFeatures());
  }
}
