package org.riskgate.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationReader;
import org.riskgate.core.RankingEvaluation;
import org.riskgate.core.RankingMetrics;
import org.riskgate.core.RejectFile;
import org.riskgate.risk.Blend;
import org.riskgate.risk.Dataset;
import org.riskgate.risk.FeatureSet;
import org.riskgate.risk.RiskTraining;
import org.riskgate.risk.Trainer;
import org.riskgate.risk.tribuo.TribuoTrainer;
import org.riskgate.risk.xgboost.RandomForestTrainer;
import org.riskgate.risk.xgboost.XGBoostOptions;
import org.riskgate.risk.xgboost.XGBoostTrainer;

/**
 * How the default feature set and XGBoost parameters were chosen: on the 2020 training year
 * alone, time-ordered. Each candidate is trained as {@code riskgate train} trains (early stopping
 * on the latest 15 % of what it is given, then a refit) on the first 85 % of 2020 and tested on
 * its last 15 %. The 2021Q1 file is not read.
 *
 * <p>Run: {@code bench/main.sh org.riskgate.bench.ModelSelection [DATA_DIR]}
 */
public final class ModelSelection {
  private ModelSelection() {}

  private record Candidate(String model, FeatureSet set, Trainer trainer) {
    static Candidate xgboost(FeatureSet set, double eta, int depth) {
      return new Candidate(String.format(Locale.ROOT, "xgboost, learning rate %.2f, depth %d", eta, depth), set,
          new XGBoostTrainer(new XGBoostOptions(4000, 100, eta, depth, 3, 0.8, 0.7, 2, 42)));
    }
  }

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args.length > 0 ? args[0] : "data/customs");
    List<Declaration> train = DeclarationReader.readAll(data.resolve("df_syn_train_eng.csv"),
        ColumnMapping.defaults(), new RejectFile(Path.of("target/selection-rejects.csv")));
    RiskTraining.Prepared p = RiskTraining.prepare(train, Optional.empty());
    Dataset all = p.train();
    int cut = all.rows() * 85 / 100;
    List<Candidate> candidates = List.of(
        Candidate.xgboost(FeatureSet.ALL, 0.03, 6),
        Candidate.xgboost(FeatureSet.ALL, 0.1, 12),
        Candidate.xgboost(FeatureSet.DECLARATION, 0.1, 6),
        Candidate.xgboost(FeatureSet.DECLARATION, 0.3, 6),
        Candidate.xgboost(FeatureSet.DECLARATION, 0.1, 8),
        Candidate.xgboost(FeatureSet.DECLARATION, 0.1, 10),
        Candidate.xgboost(FeatureSet.DECLARATION, 0.1, 12),
        Candidate.xgboost(FeatureSet.DECLARATION, 0.1, 16),
        new Candidate("logistic", FeatureSet.ALL, TribuoTrainer.logisticRegression()),
        new Candidate("logistic", FeatureSet.DECLARATION, TribuoTrainer.logisticRegression()),
        new Candidate("random forest", FeatureSet.ALL, new RandomForestTrainer(200, 10, 2, 42)),
        new Candidate("random forest, 100 trees", FeatureSet.ALL, new RandomForestTrainer(100, 10, 2, 42)),
        new Candidate("random forest, 50 trees of depth 8", FeatureSet.ALL, new RandomForestTrainer(50, 8, 2, 42)),
        new Candidate("random forest", FeatureSet.DECLARATION, new RandomForestTrainer(200, 10, 2, 42)));
    System.out.println("| model | features | rounds | holdout AUC | P@5% | P@10% | train (s) |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|");
    java.util.Map<String, double[]> scored = new java.util.LinkedHashMap<>();
    boolean[] fraud = null;
    for (Candidate c : candidates) {
      List<String> used = c.set().of(p.pipeline());
      int[] cols = used.stream().mapToInt(n -> all.featureNames().indexOf(n)).toArray();
      Dataset fit = slice(all, 0, cut, cols, used);
      Dataset test = slice(all, cut, all.rows(), cols, used);
      long t0 = System.nanoTime();
      Trainer.TrainedModel m = c.trainer().train(fit, Optional.empty());
      double seconds = (System.nanoTime() - t0) / 1e9;
      double[] s = m.model().score(test.x(), test.rows(), test.cols());
      fraud = new boolean[test.rows()];
      for (int r = 0; r < fraud.length; r++) {
        fraud[r] = test.labels()[r] == 1f;
      }
      scored.put(c.model() + ", " + c.set().label(), s);
      RankingEvaluation e = evaluate(s, fraud);
      System.out.printf(Locale.ROOT, "| %s | %s (%d) | %s | %.4f | %.3f | %.3f | %.0f |%n",
          c.model(), c.set().label(), used.size(), m.notes().getOrDefault("rounds", ""), e.auc(),
          e.at(5).precision(), e.at(10).precision(), seconds);
    }
    // the default model's log-odds blended with a forest's that reads the history features too
    double[] boosted = scored.get("xgboost, learning rate 0.10, depth 12, declaration");
    System.out.println("\n| log-odds blend with xgboost (declaration) | weights | holdout AUC | P@5% | P@10% |");
    System.out.println("|---|---|---:|---:|---:|");
    for (String forest : List.of("random forest, 100 trees, all", "random forest, 50 trees of depth 8, all")) {
      for (double w : new double[] {1, 0.9, 0.8, 0.7, 0.6, 0.5}) {
        double[] s = new double[boosted.length];
        for (int i = 0; i < s.length; i++) {
          s[i] = w * Blend.logit(boosted[i]) + (1 - w) * Blend.logit(scored.get(forest)[i]);
        }
        RankingEvaluation e = evaluate(s, fraud);
        System.out.printf(Locale.ROOT, "| %s | %.1f / %.1f | %.4f | %.3f | %.3f |%n", forest, w, 1 - w, e.auc(),
            e.at(5).precision(), e.at(10).precision());
      }
    }
  }

  private static RankingEvaluation evaluate(double[] scores, boolean[] fraud) {
    double[] ones = new double[fraud.length];
    Arrays.fill(ones, 1);
    return RankingMetrics.evaluate(scores, fraud, ones, 5, 10);
  }

  private static Dataset slice(Dataset d, int from, int to, int[] cols, List<String> names) {
    int n = to - from;
    float[] x = new float[n * cols.length];
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < cols.length; j++) {
        x[r * cols.length + j] = d.x()[(from + r) * d.cols() + cols[j]];
      }
    }
    return new Dataset(x, n, cols.length, Arrays.copyOfRange(d.labels(), from, to), names);
  }
}
