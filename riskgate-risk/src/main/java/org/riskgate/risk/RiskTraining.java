package org.riskgate.risk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.riskgate.core.Declaration;
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

  /** Builds the training matrix (and the validation matrix, when a later period is given). */
  public static Prepared prepare(List<Declaration> train, Optional<List<Declaration>> valid) {
    List<Declaration> labelled = train.stream().filter(d -> d.outcome().isPresent()).toList();
    if (labelled.isEmpty()) {
      throw new IllegalArgumentException("training data has no inspection outcomes (Fraud column)");
    }
    FeaturePipeline pipeline = FeaturePipeline.fit(train);
    FeaturePipeline.Walk walk = pipeline.walk(train);
    Dataset trainSet = labelledOnly(walk, pipeline.names());
    Optional<Dataset> validSet = valid.map(v -> {
      LocalDate end = walk.order().get(walk.rows() - 1).date();
      if (v.stream().anyMatch(d -> !d.date().isAfter(end))) {
        throw new IllegalArgumentException("the validation period must start after the training period ends ("
            + end + "): train on the past, validate on the future");
      }
      List<Declaration> sorted = v.stream().filter(d -> d.outcome().isPresent())
          .sorted(java.util.Comparator.comparing(Declaration::date)).toList();
      float[] x = new float[sorted.size() * pipeline.width()];
      float[] y = new float[sorted.size()];
      for (int r = 0; r < sorted.size(); r++) {
        pipeline.describe(sorted.get(r), x, r * pipeline.width());
        y[r] = sorted.get(r).isFraud() ? 1f : 0f;
      }
      return new Dataset(x, sorted.size(), pipeline.width(), y, pipeline.names());
    });
    long frauds = labelled.stream().filter(Declaration::isFraud).count();
    return new Prepared(pipeline, trainSet, validSet, walk.order().get(0).date(),
        walk.order().get(walk.rows() - 1).date(), frauds);
  }

  /**
   * Trains one model on prepared data, on the features of {@code set}, and wraps it with its
   * provenance.
   */
  public static ModelBundle fit(Prepared p, Trainer trainer, FeatureSet set, Source source) throws IOException {
    List<String> used = set.of(p.pipeline());
    Trainer.TrainedModel trained = trainer.train(ColumnSubset.select(p.train(), used),
        p.valid().map(v -> ColumnSubset.select(v, used)));
    String created = Instant.now().toString();
    String sha = sha256(source.trainingFile());
    String id = trainer.name() + "-" + p.to() + "-"
        + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC).format(Instant.now())
        + "-" + sha.substring(0, 8);
    Provenance prov = new Provenance(
        id, trainer.name(), trainer.parameters(), trained.notes(),
        source.trainingFile().toString(), sha, p.from().toString(), p.to().toString(),
        p.train().rows(), p.frauds(), source.trainingRejects(),
        source.validFile().map(Path::toString).orElse(""),
        source.validFile().isPresent() ? sha256(source.validFile().get()) : "",
        p.valid().map(Dataset::rows).orElse(0),
        versions(), created, p.pipeline().names(), set.label(), used);
    return new ModelBundle(p.pipeline(), ModelBundle.reading(trained.model(), prov), prov);
  }

  private static Dataset labelledOnly(FeaturePipeline.Walk walk, List<String> names) {
    List<Integer> keep = new ArrayList<>();
    for (int r = 0; r < walk.rows(); r++) {
      if (walk.order().get(r).outcome().isPresent()) {
        keep.add(r);
      }
    }
    int w = walk.width();
    float[] x = new float[keep.size() * w];
    float[] y = new float[keep.size()];
    for (int i = 0; i < keep.size(); i++) {
      int r = keep.get(i);
      System.arraycopy(walk.matrix(), r * w, x, i * w, w);
      y[i] = walk.order().get(r).isFraud() ? 1f : 0f;
    }
    return new Dataset(x, keep.size(), w, y, names);
  }

  /**
   * SHA-256 of a file's bytes, hex; of a directory (a declaration lake), of its files' relative
   * paths and bytes in path order.
   */
  public static String sha256(Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
    if (Files.isDirectory(file)) {
      try (java.util.stream.Stream<Path> files = Files.walk(file)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          md.update(file.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
          digest(f, md);
        }
      }
    } else {
      digest(file, md);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static void digest(Path file, MessageDigest md) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
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
