package org.riskgate.bench;

import java.nio.file.Path;
import java.util.ArrayList;
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
import org.riskgate.neural.clusters.KMeansClusters;
import org.riskgate.risk.Dataset;
import org.riskgate.risk.FeatureSet;
import org.riskgate.risk.RiskTraining;
import org.riskgate.risk.Trainer;
import org.riskgate.risk.similar.DeclarationSpace;
import org.riskgate.risk.xgboost.XGBoostOptions;
import org.riskgate.risk.xgboost.XGBoostTrainer;

/**
 * Whether k-means clusters make good features, judged as {@link ModelSelection} judges features:
 * on the 2020 holdout (XGBoost with the default options, fit on the first 85 % of 2020 with its
 * own early stopping, tested on the last 15 %; 2021 is not read). The clusters are fitted on the
 * fit rows only, and each candidate adds to the declaration features either the squared distance
 * to every centre, or the fraud rate of the row's cluster among the fit rows (smoothed towards the
 * overall rate by 20 rows).
 *
 * <p>Run: {@code bench/main.sh org.riskgate.bench.ClusterFeatures [DATA_DIR] [K,...]}
 */
public final class ClusterFeatures {
  private ClusterFeatures() {}

  private static final int SMOOTHING = 20;

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args.length > 0 ? args[0] : "data/customs");
    int[] ks = args.length > 1 ? Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
        : new int[] {8, 32};
    List<Declaration> train = DeclarationReader.readAll(data.resolve("df_syn_train_eng.csv"),
        ColumnMapping.defaults(), new RejectFile(Path.of("target/cluster-features-rejects.csv")));
    Dataset all = RiskTraining.prepare(train, Optional.empty()).train();
    TrainerComparison.Holdout h = TrainerComparison.Holdout.of(all);
    Dataset fit = h.fit();
    Dataset test = h.test();
    List<String> used = FeatureSet.DECLARATION.of(all.featureNames());
    boolean[] fraud = h.fraud();
    double[] tax = h.tax();
    DeclarationSpace space = DeclarationSpace.fit(fit.x(), fit.rows(), fit.featureNames());
    float[] vf = space.vectors(fit.x(), 0, fit.rows(), fit.cols());
    float[] vt = space.vectors(test.x(), 0, test.rows(), test.cols());
    System.out.println("2020 holdout: fit on the first 85 % (" + fit.rows() + " rows), tested on the last 15 % ("
        + test.rows() + " rows); xgboost on the declaration features, with or without the clusters'");
    System.out.println("| features | holdout AUC | PR-AUC | P@5% | P@10% | Rev@10% | k-means (s) | train (s) |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
    run("declaration", TrainerComparison.select(fit, used), TrainerComparison.select(test, used), fraud, tax, Double.NaN);
    for (int k : ks) {
      long t0 = System.nanoTime();
      KMeansClusters c = KMeansClusters.fit(vf, fit.rows(), space.dimension(), k, 100, 42);
      double kmeans = (System.nanoTime() - t0) / 1e9;
      List<String> dn = new ArrayList<>();
      for (int j = 0; j < k; j++) {
        dn.add("cluster_distance_" + j);
      }
      run("declaration + distance to each of " + k + " centres",
          append(TrainerComparison.select(fit, used), c.distances(vf, fit.rows()), dn),
          append(TrainerComparison.select(test, used), c.distances(vt, test.rows()), dn), fraud, tax, kmeans);
      int[] af = c.assign(vf, fit.rows());
      double[] rate = rates(af, fit.labels(), k, fit.positiveRate());
      run("declaration + fraud rate of its cluster (k " + k + ")",
          append(TrainerComparison.select(fit, used), lookup(af, rate), List.of("cluster_fraud_rate")),
          append(TrainerComparison.select(test, used), lookup(c.assign(vt, test.rows()), rate), List.of("cluster_fraud_rate")),
          fraud, tax, kmeans);
    }
  }

  private static void run(String name, Dataset fit, Dataset test, boolean[] fraud, double[] tax, double kmeans) {
    long t0 = System.nanoTime();
    Trainer.TrainedModel m = new XGBoostTrainer(XGBoostOptions.DEFAULT).train(fit, Optional.empty());
    double seconds = (System.nanoTime() - t0) / 1e9;
    RankingEvaluation e = RankingMetrics.evaluate(m.model().score(test.x(), test.rows(), test.cols()), fraud, tax,
        new double[] {5, 10});
    System.out.printf(Locale.ROOT, "| %s | %.4f | %.4f | %.3f | %.3f | %.3f | %s | %.1f |%n", name, e.auc(), e.prAuc(),
        e.at(5).precision(), e.at(10).precision(), e.at(10).revenue(),
        Double.isNaN(kmeans) ? "" : String.format(Locale.ROOT, "%.1f", kmeans), seconds);
  }

  /** Each cluster's fraud rate among the fit rows, smoothed towards the overall rate. */
  private static double[] rates(int[] assigned, float[] labels, int k, double overall) {
    double[] frauds = new double[k];
    double[] rows = new double[k];
    for (int r = 0; r < assigned.length; r++) {
      frauds[assigned[r]] += labels[r];
      rows[assigned[r]]++;
    }
    double[] rate = new double[k];
    for (int c = 0; c < k; c++) {
      rate[c] = (frauds[c] + SMOOTHING * overall) / (rows[c] + SMOOTHING);
    }
    return rate;
  }

  private static float[] lookup(int[] assigned, double[] rate) {
    float[] out = new float[assigned.length];
    for (int r = 0; r < out.length; r++) {
      out[r] = (float) rate[assigned[r]];
    }
    return out;
  }

  private static Dataset append(Dataset d, float[] extra, List<String> names) {
    int e = names.size();
    int w = d.cols() + e;
    float[] x = new float[d.rows() * w];
    for (int r = 0; r < d.rows(); r++) {
      System.arraycopy(d.x(), r * d.cols(), x, r * w, d.cols());
      System.arraycopy(extra, r * e, x, r * w + d.cols(), e);
    }
    List<String> all = new ArrayList<>(d.featureNames());
    all.addAll(names);
    return new Dataset(x, d.rows(), w, d.labels(), all);
  }
}
