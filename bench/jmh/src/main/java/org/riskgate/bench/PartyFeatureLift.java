package org.riskgate.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationReader;
import org.riskgate.core.RankingEvaluation;
import org.riskgate.core.RankingMetrics;
import org.riskgate.core.RejectFile;
import org.riskgate.profiles.ProfileConfig;
import org.riskgate.profiles.ProfileStore;
import org.riskgate.profiles.network.NetworkConfig;
import org.riskgate.profiles.network.NetworkFeatures;
import org.riskgate.risk.Dataset;
import org.riskgate.risk.RiskModel;
import org.riskgate.risk.RiskTraining;
import org.riskgate.risk.features.FeaturePipeline;
import org.riskgate.risk.xgboost.XGBoostOptions;
import org.riskgate.risk.xgboost.XGBoostTrainer;

/**
 * What party profiles and trader-network features add to the XGBoost risk model on the public
 * train (2020) → valid (2021Q1) split. Both extras are point-in-time: profiles as of each
 * declaration's date, the network as of the first day of its month, both built from 2020 only,
 * so 2021 outcomes are never seen. Prints a table: base features, + profiles, + profiles and
 * network.
 *
 * <p>Run: {@code java -cp ... org.riskgate.bench.PartyFeatureLift [DATA_DIR]}
 */
public final class PartyFeatureLift {
  private PartyFeatureLift() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args.length > 0 ? args[0] : "data/customs");
    RejectFile rejects = new RejectFile(Path.of("target/lift-rejects.csv"));
    List<Declaration> train = DeclarationReader.readAll(data.resolve("df_syn_train_eng.csv"), ColumnMapping.defaults(), rejects);
    List<Declaration> valid = DeclarationReader.readAll(data.resolve("df_syn_valid_eng.csv"), ColumnMapping.defaults(), rejects)
        .stream().sorted(Comparator.comparing(Declaration::date)).toList();
    RiskTraining.Prepared prepared = RiskTraining.prepare(train, Optional.empty());
    // the training matrix holds the rows in date order, as a stable sort leaves them
    List<Declaration> trainOrder = train.stream().sorted(Comparator.comparing(Declaration::date)).toList();
    FeaturePipeline pipeline = prepared.pipeline();
    float[] validX = new float[valid.size() * pipeline.width()];
    float[] validY = new float[valid.size()];
    for (int r = 0; r < valid.size(); r++) {
      pipeline.describe(valid.get(r), validX, r * pipeline.width());
      validY[r] = valid.get(r).isFraud() ? 1f : 0f;
    }
    Dataset base = prepared.train();
    Dataset baseValid = new Dataset(validX, valid.size(), pipeline.width(), validY, pipeline.names());

    ProfileStore profiles = ProfileStore.build(train, ProfileConfig.defaults());
    NetworkFeatures network = NetworkFeatures.monthly(train, NetworkConfig.defaults());
    System.out.println("| features | AUC | P@5% | P@10% |");
    System.out.println("|---|---:|---:|---:|");
    print("model features", base, baseValid, valid);
    print("+ party profiles", widen(base, trainOrder, profiles::features), widen(baseValid, valid, profiles::features), valid);
    java.util.function.Function<Declaration, Map<String, Double>> both = d -> {
      Map<String, Double> m = new java.util.HashMap<>(profiles.features(d));
      m.putAll(network.features(d));
      return m;
    };
    print("+ party profiles + network", widen(base, trainOrder, both), widen(baseValid, valid, both), valid);
  }

  private static Dataset widen(Dataset d, List<Declaration> rows,
      java.util.function.Function<Declaration, Map<String, Double>> extra) {
    List<Map<String, Double>> values = rows.parallelStream().map(extra).toList();
    TreeSet<String> names = new TreeSet<>();
    values.forEach(v -> names.addAll(v.keySet()));
    List<String> extraNames = new ArrayList<>(names);
    int w = d.cols() + extraNames.size();
    float[] x = new float[d.rows() * w];
    for (int r = 0; r < d.rows(); r++) {
      System.arraycopy(d.x(), r * d.cols(), x, r * w, d.cols());
      for (int k = 0; k < extraNames.size(); k++) {
        Double v = values.get(r).get(extraNames.get(k));
        x[r * w + d.cols() + k] = v == null ? Float.NaN : v.floatValue();
      }
    }
    List<String> all = new ArrayList<>(d.featureNames());
    all.addAll(extraNames);
    return new Dataset(x, d.rows(), w, d.labels(), all);
  }

  /**
   * The parameters of the model that learned from all features (the default until the declaration
   * feature set replaced it): what party features add is measured on that model, with its history.
   */
  private static final XGBoostOptions HISTORY_MODEL = new XGBoostOptions(2000, 100, 0.03, 6, 3, 0.8, 0.7, 2, 42);

  private static void print(String name, Dataset train, Dataset valid, List<Declaration> rows) {
    RiskModel m = new XGBoostTrainer(HISTORY_MODEL).train(train, Optional.empty()).model();
    double[] s = m.score(valid.x(), valid.rows(), valid.cols());
    boolean[] y = new boolean[rows.size()];
    double[] tax = new double[rows.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = rows.get(i).isFraud();
      tax[i] = rows.get(i).taxAtStake();
    }
    RankingEvaluation e = RankingMetrics.evaluate(s, y, tax, 5, 10);
    System.out.printf(Locale.ROOT, "| %s (%d) | %.4f | %.3f | %.3f |%n", name, train.cols(), e.auc(),
        e.at(5).precision(), e.at(10).precision());
  }
}
