package org.riskgate.hs.learn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Tribuo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the history model: multinomial logistic regression (Tribuo linear SGD with AdaGrad) on
 * {@link Features}, plus the neighbour index, and writes both with a provenance file.
 */
public final class HistoryTrainer {

  /**
   * Training parameters.
   *
   * @param epochs passes over the data
   * @param learningRate AdaGrad initial learning rate
   * @param seed random seed, so the same data gives the same model
   */
  public record Config(int epochs, double learningRate, long seed) {
    /** Checks ranges. */
    public Config {
      if (epochs < 1 || !(learningRate > 0)) {
        throw new IllegalArgumentException("epochs >= 1 and learningRate > 0 required");
      }
    }

    /** Defaults that converge on a few thousand rows in seconds. */
    public static Config defaults() {
      return new Config(15, 0.5, 12345L);
    }
  }

  /**
   * What a training run did.
   *
   * @param rows rows trained on
   * @param classes distinct HS6 codes
   * @param skipped rows skipped with line numbers and reasons
   * @param seconds wall time
   * @param dataSha256 hash of the accepted rows, for provenance
   */
  public record Summary(int rows, int classes, List<LabelledData.Skipped> skipped, double seconds, String dataSha256) {
    /** Copies the list. */
    public Summary {
      skipped = List.copyOf(skipped);
    }
  }

  /** Tribuo logs every epoch at INFO; the CLI reports its own summary. Held so it is not collected. */
  private static final java.util.logging.Logger TRIBUO_LOG = quietTribuo();

  private static java.util.logging.Logger quietTribuo() {
    java.util.logging.Logger l = java.util.logging.Logger.getLogger("org.tribuo");
    l.setLevel(java.util.logging.Level.WARNING);
    return l;
  }

  private final Config config;

  /** Creates a trainer. */
  public HistoryTrainer(Config config) {
    this.config = config;
  }

  /** Trains an in-memory model (used by evaluation's learning curve). */
  public HistoryModel fit(List<LabelledData.Row> rows) {
    return new SavedModel(trainLinear(rows), rows);
  }

  /**
   * Trains on the data and writes the model directory.
   *
   * @throws IllegalArgumentException if there are fewer than two distinct codes
   */
  public Summary train(LabelledData data, Path modelDir) {
    long start = System.nanoTime();
    List<LabelledData.Row> rows = data.rows();
    Model<Label> model = trainLinear(rows);
    String sha = sha256(rows);
    try {
      Files.createDirectories(modelDir);
      model.serializeToFile(modelDir.resolve(SavedModel.LINEAR));
      try (CsvWriter w = CsvWriter.builder().build(modelDir.resolve(SavedModel.HISTORY), StandardCharsets.UTF_8)) {
        w.writeRecord("description", "hs_code");
        for (LabelledData.Row r : rows) {
          w.writeRecord(r.description(), r.code().digits());
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Map<String, Object> prov = new LinkedHashMap<>();
      prov.put("created", Instant.now().toString());
      prov.put("rows", rows.size());
      prov.put("classes", rows.stream().map(LabelledData.Row::code).distinct().count());
      prov.put("skipped", data.skipped().size());
      prov.put("dataSha256", sha);
      prov.put("trainer", "tribuo LinearSGDTrainer(LogMulticlass, AdaGrad)");
      prov.put("epochs", config.epochs());
      prov.put("learningRate", config.learningRate());
      prov.put("seed", config.seed());
      prov.put("tribuoVersion", Tribuo.VERSION);
      prov.put("features", "analysed words per script, Latin word bigrams, char 3-4-grams; L2-normalised");
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(modelDir.resolve(SavedModel.PROVENANCE).toFile(), prov);
      return new Summary(rows.size(), ((Number) prov.get("classes")).intValue(), data.skipped(), seconds, sha);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the model to " + modelDir, e);
    }
  }

  private Model<Label> trainLinear(List<LabelledData.Row> rows) {
    if (rows.stream().map(LabelledData.Row::code).distinct().count() < 2) {
      throw new IllegalArgumentException("training needs at least two distinct HS codes");
    }
    LabelFactory lf = new LabelFactory();
    MutableDataset<Label> ds = new MutableDataset<>(
        new SimpleDataSourceProvenance("hs-history", lf), lf);
    for (LabelledData.Row r : rows) {
      Map<String, Double> f = Features.of(r.description());
      String[] names = f.keySet().toArray(String[]::new);
      double[] values = new double[names.length];
      for (int i = 0; i < names.length; i++) {
        values[i] = f.get(names[i]);
      }
      ds.add(new ArrayExample<>(new Label(r.code().digits()), names, values));
    }
    LinearSGDTrainer trainer = new LinearSGDTrainer(
        new LogMulticlass(), new AdaGrad(config.learningRate(), 0.1), config.epochs(), config.seed());
    return trainer.train(ds);
  }

  private static String sha256(List<LabelledData.Row> rows) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (LabelledData.Row r : rows) {
        md.update((r.description() + "\u0000" + r.code().digits() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
