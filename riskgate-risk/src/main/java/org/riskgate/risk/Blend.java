package org.riskgate.risk;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.riskgate.risk.xgboost.XGBoostModel;

/**
 * Several models' log-odds added with weights: one probability, and contributions that still add
 * up to its log-odds, since each part's contributions add up to its own. Each part reads the
 * columns it learned from; the blend, like every model, takes whole rows.
 */
public final class Blend implements RiskModel {
  static final String KIND = "blend";
  private static final String DIR = "blend";
  private static final String PARTS = "parts.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<Part> parts;
  private final Optional<Cascade> cascade;

  /**
   * One model of a blend.
   *
   * @param name its directory in the bundle, e.g. {@code xgboost}
   * @param kind its trainer family, which selects its loader
   * @param features the names of the features it learned from, in its column order
   * @param model the model, reading whole rows
   */
  public record Part(String name, String kind, double weight, List<String> features, RiskModel model) {}

  /** How a part is described in the bundle (its model lives in {@code blend/NAME/}). */
  private record Stored(String name, String kind, double weight, List<String> features) {}

  Blend(List<Part> parts, Optional<Cascade> cascade) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a blend needs at least one model");
    }
    this.parts = List.copyOf(parts);
    this.cascade = cascade;
  }

  /** The same parts scored in full for every row: what the cascade must agree with. */
  Blend full() {
    return new Blend(parts, Optional.empty());
  }

  Optional<Cascade> cascade() {
    return cascade;
  }

  public List<Part> parts() {
    return parts;
  }

  @Override
  public String kind() {
    return KIND;
  }

  /**
   * With a {@link Cascade} (blends trained since 2026-12-01), exact for every row that may score
   * at or above its floor, an estimate below the floor for the others.
   */
  @Override
  public double[] score(float[] x, int rows, int cols) {
    if (cascade.isPresent()) {
      return cascade.get().score(parts, x, rows, cols);
    }
    double[] margin = new double[rows];
    for (Part p : parts) {
      double[] s = p.model().score(x, rows, cols);
      for (int r = 0; r < rows; r++) {
        margin[r] += p.weight() * logit(s[r]);
      }
    }
    for (int r = 0; r < rows; r++) {
      margin[r] = 1 / (1 + Math.exp(-margin[r]));
    }
    return margin;
  }

  /** The log-odds of a probability, kept finite where a part is all but certain: how parts are added. */
  public static double logit(double p) {
    double q = Math.min(1 - 1e-15, Math.max(1e-15, p));
    return Math.log(q / (1 - q));
  }

  @Override
  public Optional<float[][]> contributions(float[] x, int rows, int cols, boolean exact) {
    float[][] sum = new float[rows][cols + 1];
    for (Part p : parts) {
      Optional<float[][]> c = p.model().contributions(x, rows, cols, exact);
      if (c.isEmpty()) {
        return Optional.empty();
      }
      for (int r = 0; r < rows; r++) {
        for (int i = 0; i <= cols; i++) {
          sum[r][i] += (float) (p.weight() * c.get()[r][i]);
        }
      }
    }
    return Optional.of(sum);
  }

  @Override
  public void save(Path bundleDir) throws IOException {
    List<Stored> stored = new ArrayList<>();
    for (Part p : parts) {
      Path dir = bundleDir.resolve(DIR).resolve(p.name());
      Files.createDirectories(dir);
      p.model().save(dir);
      stored.add(new Stored(p.name(), p.kind(), p.weight(), p.features()));
    }
    JSON.writerWithDefaultPrettyPrinter().writeValue(bundleDir.resolve(DIR).resolve(PARTS).toFile(), stored);
    if (cascade.isPresent()) {
      cascade.get().save(bundleDir.resolve(DIR));
    }
  }

  /** Reads the blend a bundle directory holds, for a pipeline with these feature names. */
  static Blend load(Path bundleDir, List<String> pipelineFeatures) throws IOException {
    Path file = bundleDir.resolve(DIR).resolve(PARTS);
    if (!Files.isRegularFile(file)) {
      throw new IOException(bundleDir + " is a blend without " + DIR + "/" + PARTS + "; retrain it");
    }
    List<Part> parts = new ArrayList<>();
    for (Stored s : JSON.readValue(file.toFile(), Stored[].class)) {
      RiskModel m = switch (s.kind()) {
        case "xgboost", "random-forest" -> XGBoostModel.load(bundleDir.resolve(DIR).resolve(s.name()), s.kind());
        default -> ModelFormat.load(s.kind(), bundleDir.resolve(DIR).resolve(s.name()), s.features());
      };
      RiskModel reading = s.features().equals(pipelineFeatures) ? m : new ColumnSubset(m, pipelineFeatures, s.features());
      parts.add(new Part(s.name(), s.kind(), s.weight(), s.features(), reading));
    }
    return new Blend(parts, Cascade.load(bundleDir.resolve(DIR)));
  }
}
