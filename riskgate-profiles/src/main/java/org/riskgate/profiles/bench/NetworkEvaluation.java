package org.riskgate.profiles.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.riskgate.core.Declaration;
import org.riskgate.core.RankingEvaluation;
import org.riskgate.core.RankingMetrics;
import org.riskgate.profiles.ProfileConfig;
import org.riskgate.profiles.ProfileStore;
import org.riskgate.profiles.network.NetworkConfig;
import org.riskgate.profiles.network.NetworkFeatures;
import org.riskgate.profiles.network.TraderNetwork;

/**
 * What the network features add, on the public train (2020) → valid (2021Q1) split.
 *
 * <p>Only 2020 is history: a valid declaration sees profiles and the network as of 2021-01-01
 * and nothing of 2021. Training rows see their features point-in-time (profiles as of their own
 * date, the network as of the first of their month). Compared on valid: single scores (importer
 * hit rate, importer PageRank risk) and a logistic regression on declaration + profile features
 * without and with the network features.
 *
 * <p>Run: {@code java -cp ... org.riskgate.profiles.bench.NetworkEvaluation [--planted] [train.csv
 * valid.csv]}; {@code --planted} runs the positive control ({@link #plant}).
 */
public final class NetworkEvaluation {
  private NetworkEvaluation() {}

  public static void main(String[] args) throws Exception {
    boolean planted = args.length > 0 && args[0].equals("--planted");
    int a = planted ? 1 : 0;
    Path trainFile = args.length > a ? Path.of(args[a]) : Data.publicFile("df_syn_train_eng.csv");
    Path validFile = args.length > a + 1 ? Path.of(args[a + 1]) : Data.publicFile("df_syn_valid_eng.csv");
    List<Declaration> train = Data.read(trainFile);
    List<Declaration> valid = Data.read(validFile);
    if (planted) {
      System.out.println("POSITIVE CONTROL: outcomes replaced by planted party-level fraud");
      train = plant(train);
      valid = plant(valid);
    }
    LocalDate cutoff = valid.stream().map(Declaration::date).min(LocalDate::compareTo).orElseThrow();
    long t0 = System.nanoTime();
    ProfileStore profiles = ProfileStore.build(train, ProfileConfig.defaults());
    NetworkFeatures network = NetworkFeatures.monthly(train, NetworkConfig.defaults());
    TraderNetwork atCutoff = network.snapshotFor(cutoff);

    Function<Declaration, Map<String, Double>> trainProfiles = profiles::features;
    Function<Declaration, Map<String, Double>> validProfiles = d -> profiles.features(d, cutoff);
    Function<Declaration, Map<String, Double>> validNet = atCutoff::features;

    double[][] xTrainBase = matrix(train, trainProfiles, d -> Map.of());
    double[][] xTrainNet = matrix(train, trainProfiles, network::features);
    double[][] xValidBase = matrix(valid, validProfiles, d -> Map.of());
    double[][] xValidNet = matrix(valid, validProfiles, validNet);
    boolean[] yTrain = labels(train);
    long featureMs = (System.nanoTime() - t0) / 1_000_000;

    List<String[]> rows = new ArrayList<>();
    rows.add(row("importer hit rate (shrunk), alone", valid,
        d -> validProfiles.apply(d).get("importer.hit_rate")));
    rows.add(row("importer PageRank risk, alone", valid,
        d -> validNet.apply(d).get("net.importer_pagerank_risk")));
    rows.add(row("declarant community fraud rate, alone", valid,
        d -> validNet.apply(d).get("net.declarant_community_fraud_rate")));
    Logistic base = Logistic.train(xTrainBase, yTrain, 1e-3, 300);
    Logistic withNet = Logistic.train(xTrainNet, yTrain, 1e-3, 300);
    rows.add(row("logistic: declaration + profiles", valid, index(valid, xValidBase, base)));
    rows.add(row("logistic: declaration + profiles + network", valid, index(valid, xValidNet, withNet)));

    System.out.printf(Locale.ROOT, "train %s: %d rows; valid %s: %d rows (fraud %.1f %%); "
            + "network as of %s: %d parties, %d links, %d communities; features in %d ms%n",
        trainFile, train.size(), validFile, valid.size(),
        100.0 * valid.stream().filter(Declaration::isFraud).count() / valid.size(), cutoff,
        atCutoff.nodeCount(), atCutoff.edgeCount(), atCutoff.communityCount(), featureMs);
    for (org.riskgate.profiles.PartyRole role : org.riskgate.profiles.PartyRole.values()) {
      System.out.printf(Locale.ROOT, "empirical-Bayes prior strength, %s (parties with >= 5 "
          + "inspections in 2020): %s%n", role.key(), profiles.empiricalPriorStrength(role, cutoff, 5)
          .stream().mapToObj(m -> String.format(Locale.ROOT, "%.0f", m)).findFirst().orElse("-"));
    }
    System.out.println();
    System.out.println("| score on valid | AUC | P@5% | P@10% |");
    System.out.println("|---|---|---|---|");
    for (String[] r : rows) {
      System.out.println("| " + String.join(" | ", r) + " |");
    }
  }

  /**
   * A positive control: the same declarations with outcomes redrawn so that parties matter — one
   * declarant in ten and one importer in ten are "bad" (chosen by a hash of their id), and fraud
   * has probability 0.10, +0.30 with a bad declarant, +0.30 with a bad importer. If profiles and
   * the network can find party-level risk, they must find this.
   */
  static List<Declaration> plant(List<Declaration> ds) {
    List<Declaration> out = new ArrayList<>(ds.size());
    for (Declaration d : ds) {
      double p = 0.10 + (bad(d.declarantId()) ? 0.30 : 0) + (bad(d.importerId()) ? 0.30 : 0);
      double u = new java.util.SplittableRandom(d.id().hashCode() * 31L + 7).nextDouble();
      boolean fraud = u < p;
      out.add(d.withOutcome(new org.riskgate.core.InspectionOutcome(fraud, fraud ? 1 : 0)));
    }
    return out;
  }

  private static boolean bad(String party) {
    return !party.isEmpty() && Math.floorMod(party.hashCode() * 0x9E3779B9, 10) == 0;
  }

  private static Function<Declaration, Double> index(List<Declaration> rows, double[][] x,
      Logistic m) {
    Map<Declaration, Integer> at = new java.util.IdentityHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      at.put(rows.get(i), i);
    }
    return d -> m.predict(x[at.get(d)]);
  }

  private static String[] row(String name, List<Declaration> valid, Function<Declaration, Double> score) {
    double[] s = new double[valid.size()];
    boolean[] y = labels(valid);
    double[] tax = new double[valid.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = score.apply(valid.get(i));
      tax[i] = valid.get(i).taxAtStake();
    }
    RankingEvaluation e = RankingMetrics.evaluate(s, y, tax, 5, 10);
    return new String[] {name, String.format(Locale.ROOT, "%.4f", e.auc()),
        String.format(Locale.ROOT, "%.3f", e.at(5).precision()),
        String.format(Locale.ROOT, "%.3f", e.at(10).precision())};
  }

  private static boolean[] labels(List<Declaration> ds) {
    boolean[] y = new boolean[ds.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = ds.get(i).isFraud();
    }
    return y;
  }

  /** Declaration basics, then profile features, then network features (when given). */
  private static double[][] matrix(List<Declaration> ds,
      Function<Declaration, Map<String, Double>> profiles,
      Function<Declaration, Map<String, Double>> network) {
    double[][] x = new double[ds.size()][];
    for (int i = 0; i < x.length; i++) {
      Declaration d = ds.get(i);
      List<Double> row = new ArrayList<>();
      row.add(Math.log1p(d.itemPrice()));
      row.add(Math.log1p(d.netMass()));
      row.add(d.taxRate());
      row.add(Math.log1p(d.itemPrice() / Math.max(1, d.netMass())));
      row.addAll(profiles.apply(d).values());
      row.addAll(network.apply(d).values());
      x[i] = row.stream().mapToDouble(Double::doubleValue).toArray();
    }
    return x;
  }
}
