package org.riskgate.risk;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationTable;
import org.riskgate.risk.features.FeaturePipeline;

/**
 * Training, from declarations to a {@link ModelBundle}: features are built point-in-time over the
 * training period (each day sees only earlier days and learns its outcomes afterwards), the
 * validation period is described from the history as it stood at the end of training, exactly as
 * it is when scored, and every trainer sees the same matrices.
 */
public final class RiskTraining {
  private RiskTraining() {}

  /** Where the training data came from, for provenance. */
  public record Source(Path trainingFile, long trainingRejects, Optional<Path> validFile) {}

  /** Features built once, shared by every trainer. */
  public record Prepared(
      FeaturePipeline pipeline, Dataset train, Optional<Dataset> valid,
      LocalDate from, LocalDate to, long frauds) {}

  /**
   * Builds the training matrix (and the validation matrix, when a later period is given). The
   * walk writes each labelled row straight into the one training matrix: no matrix of every row,
   * no copy, no second list of the rows (for a {@link DeclarationTable}, nothing but its columns
   * and the matrix stays on the heap).
   */
  public static Prepared prepare(List<Declaration> train, Optional<List<Declaration>> valid) {
    int labelled = 0;
    for (int i = 0; i < train.size(); i++) {
      labelled += (train instanceof DeclarationTable t ? t.labelled(i) : train.get(i).outcome().isPresent()) ? 1 : 0;
    }
    if (labelled == 0) {
      throw new IllegalArgumentException("training data has no inspection outcomes (Fraud column)");
    }
    FeaturePipeline pipeline = FeaturePipeline.fit(train);
    int w = pipeline.width();
    float[] x = new float[FeaturePipeline.matrixSize(labelled, w)];
    float[] y = new float[labelled];
    long[] kept = new long[2]; // rows kept, frauds among them
    List<Declaration> order = pipeline.walk(train, (position, d, features) -> {
      if (d.outcome().isPresent()) {
        int r = (int) kept[0]++;
        System.arraycopy(features, 0, x, r * w, w);
        y[r] = d.isFraud() ? 1f : 0f;
        kept[1] += d.isFraud() ? 1 : 0;
      }
    });
    LocalDate from = order.get(0).date();
    LocalDate end = order.get(order.size() - 1).date();
    Dataset trainSet = new Dataset(x, labelled, w, y, pipeline.names());
    Optional<Dataset> validSet = valid.map(v -> {
      if (v.stream().anyMatch(d -> !d.date().isAfter(end))) {
        throw new IllegalArgumentException("the validation period must start after the training period ends ("
            + end + "): train on the past, validate on the future");
      }
      List<Declaration> sorted = v.stream().filter(d -> d.outcome().isPresent())
          .sorted(java.util.Comparator.comparing(Declaration::date)).toList();
      float[] vx = new float[FeaturePipeline.matrixSize(sorted.size(), w)];
      float[] vy = new float[sorted.size()];
      for (int r = 0; r < sorted.size(); r++) {
        pipeline.describe(sorted.get(r), vx, r * w);
        vy[r] = sorted.get(r).isFraud() ? 1f : 0f;
      }
      return new Dataset(vx, sorted.size(), w, vy, pipeline.names());
    });
    return new Prepared(pipeline, trainSet, validSet, from, end, kept[1]);
  }

  /**
   * Trains one model on prepared data, on the features of {@code set}, and wraps it with its
   * provenance.
   */
  public static ModelBundle fit(Prepared p, Trainer trainer, FeatureSet set, Source source) throws IOException {
    List<String> used = set.of(p.pipeline());
    Trainer.TrainedModel trained = trainer.train(ColumnSubset.select(p.train(), used),
        p.valid().map(v -> ColumnSubset.select(v, used)));
    Learnt learnt = new Learnt(p.pipeline(), p.from(), p.to(), p.train().rows(), p.frauds(),
        p.valid().map(Dataset::rows).orElse(0));
    return bundle(learnt, trainer.name(), trainer.parameters(), trained, set, source);
  }

  /** What a model learnt from: the pipeline after its last day, the period, its labelled rows and frauds. */
  public record Learnt(FeaturePipeline pipeline, LocalDate from, LocalDate to, long rows, long frauds, long validRows) {}

  /**
   * Wraps a trained model with its provenance, as {@link #fit} does; for a model fitted where no
   * {@link Dataset} of its rows exists (by xgboost4j-spark across a cluster's executors).
   */
  public static ModelBundle bundle(Learnt l, String trainer, Map<String, String> parameters,
      Trainer.TrainedModel trained, FeatureSet set, Source source) throws IOException {
    List<String> used = set.of(l.pipeline());
    String created = Instant.now().toString();
    String sha = sha256(source.trainingFile());
    String id = trainer + "-" + l.to() + "-"
        + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC).format(Instant.now())
        + "-" + sha.substring(0, 8);
    Provenance prov = new Provenance(
        id, trainer, parameters, trained.notes(),
        source.trainingFile().toString(), sha, l.from().toString(), l.to().toString(),
        l.rows(), l.frauds(), source.trainingRejects(),
        source.validFile().map(Path::toString).orElse(""),
        source.validFile().isPresent() ? sha256(source.validFile().get()) : "",
        l.validRows(), versions(), created, l.pipeline().names(), set.label(), used);
    return new ModelBundle(l.pipeline(), ModelBundle.reading(trained.model(), prov), prov);
  }

  /** SHA-256 (hex) of the training data: a file's bytes, or a lake's manifest. */
  public static String sha256(Path data) throws IOException {
    return org.riskgate.core.Declarations.sha256(data);
  }

  private static Map<String, String> versions() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("java", System.getProperty("java.version"));
    v.put("riskgate", versionOf(RiskTraining.class));
    v.put("xgboost4j", versionOf(ml.dmlc.xgboost4j.java.XGBoost.class));
    v.put("tribuo", versionOf(org.tribuo.Model.class));
    return v;
  }

  private static String versionOf(Class<?> c) {
    String v = c.getPackage().getImplementationVersion();
    if (v != null) {
      return v;
    }
    // jars without a manifest version still carry it in their file name
    String where = String.valueOf(c.getProtectionDomain().getCodeSource().getLocation());
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("-(\\d+\\.\\d+[^/]*?)\\.jar").matcher(where);
    return m.find() ? m.group(1) : "development build";
  }
}
