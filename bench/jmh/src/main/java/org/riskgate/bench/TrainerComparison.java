package org.riskgate.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationReader;
import org.riskgate.core.RankingEvaluation;
import org.riskgate.core.RankingMetrics;
import org.riskgate.core.RejectFile;
import org.riskgate.neural.EntityNetTrainer;
import org.riskgate.neural.NeuralOptions;
import org.riskgate.neural.SequenceTrainer;
import org.riskgate.neural.TreeAttentionTrainer;

import org.riskgate.risk.Blend;
import org.riskgate.risk.BlendTrainer;
import org.riskgate.risk.Dataset;
import org.riskgate.risk.Evaluator;
import org.riskgate.risk.FeatureSet;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.RiskModel;
import org.riskgate.risk.RiskTraining;
import org.riskgate.risk.Trainer;
import org.riskgate.risk.tribuo.TribuoTrainer;
import org.riskgate.risk.xgboost.RandomForestTrainer;
import org.riskgate.risk.xgboost.XGBoostOptions;
import org.riskgate.risk.xgboost.XGBoostTrainer;

/**
 * Every trainer, the neural ones included, compared as {@link ModelSelection} compares them: on
 * the 2020 holdout (fit on the first 85 % of 2020, with each trainer's own early stopping on the
 * latest 15 % of that, tested on the last 15 % of 2020), and then once on 2021Q1 (trained on all of
 * 2020 as {@code riskgate train} trains, evaluated as {@code riskgate evaluate} does). A neural
 * model joins the default blend only where it raises the blend's holdout AUC; the weight is chosen
 * there, and 2021Q1 is reported for that weight alone.
 *
 * <p>Run: {@code bench/trainers.sh [DATA_DIR] [all|TRAINER/FEATURES,...] [holdout|2021q1|both]
 * [TRAINER/FEATURES:WEIGHT]}: on a shared machine the trainers and the two periods can be run
 * apart, each row being independent of the others. A neural blend needs the blend and the network
 * in the same run, or the holdout scores an earlier run saved in {@code bench/jmh/target/trainer-scores}
 * ({@code none} as the trainers only blends those); a 2021q1 run is given the weight its holdout run
 * chose as the last argument.
 */
public final class TrainerComparison {
  private TrainerComparison() {}

  private record Candidate(String name, FeatureSet set, Supplier<Trainer> trainer) {
    /** How it is named on the command line and in the tables: trainer/features. */
    String key() {
      return name + "/" + set.label();
    }
  }

  private static final double[] PERCENTS = {1, 2, 5, 10};

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args.length > 0 ? args[0] : "data/customs");
    List<String> only = args.length > 1 && !args[1].equals("all") ? List.of(args[1].split(",")) : List.of();
    String phase = args.length > 2 ? args[2] : "both";
    if (!List.of("holdout", "2021q1", "both").contains(phase)) {
      throw new IllegalArgumentException("the third argument is holdout, 2021q1 or both, not " + phase);
    }
    Path rejects = Files.createTempFile("trainers-rejects", ".csv");
    List<Declaration> train = DeclarationReader.readAll(data.resolve("df_syn_train_eng.csv"),
        ColumnMapping.defaults(), new RejectFile(rejects));
    List<Declaration> valid = DeclarationReader.readAll(data.resolve("df_syn_valid_eng.csv"),
        ColumnMapping.defaults(), new RejectFile(rejects));
    List<Candidate> candidates = new ArrayList<>(List.of(
        new Candidate("blend", FeatureSet.ALL, () -> new BlendTrainer(XGBoostOptions.DEFAULT)),
        new Candidate("xgboost", FeatureSet.DECLARATION, () -> new XGBoostTrainer(XGBoostOptions.DEFAULT)),
        new Candidate("random-forest", FeatureSet.ALL, () -> new RandomForestTrainer(200, 10, 2, 42)),
        new Candidate("logistic", FeatureSet.ALL, TribuoTrainer::logisticRegression),
        new Candidate("entity-net", FeatureSet.IDENTITIES, () -> new EntityNetTrainer(NeuralOptions.DEFAULT)),
        new Candidate("entity-net", FeatureSet.ALL, () -> new EntityNetTrainer(NeuralOptions.DEFAULT)),
        new Candidate("entity-net", FeatureSet.PARTIES, () -> new EntityNetTrainer(NeuralOptions.DEFAULT)),
        new Candidate("tree-attention", FeatureSet.IDENTITIES, () -> new TreeAttentionTrainer(NeuralOptions.DEFAULT)),
        new Candidate("tree-attention", FeatureSet.PARTIES, () -> new TreeAttentionTrainer(NeuralOptions.DEFAULT)),
        new Candidate("party-sequence", FeatureSet.IDENTITIES, () -> new SequenceTrainer(NeuralOptions.DEFAULT)),
        new Candidate("party-sequence", FeatureSet.PARTIES, () -> new SequenceTrainer(NeuralOptions.DEFAULT))));
    candidates.removeIf(c -> !only.isEmpty() && !only.contains(c.key()));

    RiskTraining.Prepared p = RiskTraining.prepare(train, Optional.empty());
    Dataset all = p.train();
    Holdout h = Holdout.of(all);
    Dataset fit = h.fit();
    Dataset test = h.test();
    boolean[] fraud = h.fraud();
    double[] tax = h.tax();

    Map<String, double[]> holdout = new LinkedHashMap<>();
    Optional<Double> weight = Optional.empty();
    String neural = null;
    if (args.length > 3) {
      int colon = args[3].lastIndexOf(':');
      neural = args[3].substring(0, colon);
      weight = Optional.of(Double.parseDouble(args[3].substring(colon + 1)));
    }
    if (!phase.equals("2021q1")) {
      System.out.println("2020 holdout: fit on the first 85 % of 2020 (" + fit.rows() + " rows), tested on its last 15 % ("
          + test.rows() + " rows)");
      header();
      for (Candidate c : candidates) {
        List<String> used = c.set().of(all.featureNames());
        long t0 = System.nanoTime();
        Trainer.TrainedModel m = c.trainer().get().train(select(fit, used), Optional.empty());
        double seconds = (System.nanoTime() - t0) / 1e9;
        Dataset t = select(test, used);
        double[] s = m.model().score(t.x(), t.rows(), t.cols());
        holdout.put(c.key(), s);
        save(c.key(), s);
        row(c.key(), RankingMetrics.evaluate(s, fraud, tax, PERCENTS), seconds,
            rowsPerSecond(m.model(), t));
      }
      // a shared machine may not train the blend and a network in one run: earlier runs' scores, saved
      // (training is deterministic), stand in for the ones this run did not train
      for (String key : saved()) {
        holdout.computeIfAbsent(key, k -> load(k, fraud.length));
      }
      if (holdout.containsKey("blend/all")) {
        System.out.println("\n| default blend + w × neural, in log-odds | w | holdout AUC | P@5% | P@10% |");
        System.out.println("|---|---:|---:|---:|---:|");
        double bestAuc = RankingMetrics.evaluate(holdout.get("blend/all"), fraud, tax, PERCENTS).auc();
        for (String n : holdout.keySet().stream().filter(k -> k.startsWith("entity-net") || k.startsWith("tree-attention")
            || k.startsWith("party-sequence")).toList()) {
          if (!holdout.containsKey(n)) {
            continue;
          }
          for (double w : new double[] {0.1, 0.2, 0.3, 0.4}) {
            RankingEvaluation e = RankingMetrics.evaluate(mix(holdout.get("blend/all"), holdout.get(n), w), fraud, tax, PERCENTS);
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.4f | %.3f | %.3f |%n", n, w, e.auc(), e.at(5).precision(),
                e.at(10).precision());
            if (e.auc() > bestAuc) {
              bestAuc = e.auc();
              weight = Optional.of(w);
              neural = n;
            }
          }
        }
        System.out.println(weight.isEmpty() ? "\nno neural model raises the blend's holdout AUC: the default stays as is"
            : "\nbest on the holdout: blend + " + weight.get() + " × " + neural);
      }
    }
    if (phase.equals("holdout")) {
      return;
    }

    System.out.println("\n2021Q1: trained on all of 2020 (" + all.rows() + " rows), evaluated once on "
        + valid.size() + " declarations");
    header();
    Path source = data.resolve("df_syn_train_eng.csv");
    Map<String, Evaluator.ModelEvaluation> later = new LinkedHashMap<>();
    for (Candidate c : candidates) {
      long t0 = System.nanoTime();
      ModelBundle b = RiskTraining.fit(p, c.trainer().get(), c.set(), new RiskTraining.Source(source, 0, Optional.empty()));
      double seconds = (System.nanoTime() - t0) / 1e9;
      Evaluator.ModelEvaluation e = Evaluator.evaluate(b, valid, PERCENTS);
      later.put(c.key(), e);
      row(c.key(), e.metrics(), seconds, rowsPerSecond(b, e.declarations()));
    }
    if (weight.isPresent()) {
      Evaluator.ModelEvaluation b = later.get("blend/all");
      Evaluator.ModelEvaluation n = later.get(neural);
      double[] tax21 = b.declarations().stream().mapToDouble(Declaration::taxAtStake).toArray();
      row("blend + " + weight.get() + " × " + neural + " (chosen on the holdout)",
          RankingMetrics.evaluate(mix(b.scores(), n.scores(), weight.get()), b.fraud(), tax21, PERCENTS), Double.NaN,
          Double.NaN);
    }
  }

  private static final Path SCORES = Path.of("bench/jmh/target/trainer-scores");

  private static void save(String key, double[] scores) throws java.io.IOException {
    Files.createDirectories(SCORES);
    Files.write(SCORES.resolve(key.replace('/', '_') + ".txt"),
        Arrays.stream(scores).mapToObj(d -> Double.toString(d)).toList());
  }

  private static List<String> saved() throws java.io.IOException {
    if (!Files.isDirectory(SCORES)) {
      return List.of();
    }
    try (var files = Files.list(SCORES)) {
      return files.map(f -> f.getFileName().toString().replace(".txt", "").replace('_', '/')).sorted().toList();
    }
  }

  /** Saved holdout scores, or null when they are not for this holdout. */
  private static double[] load(String key, int rows) {
    try {
      double[] s = Files.readAllLines(SCORES.resolve(key.replace('/', '_') + ".txt")).stream()
          .mapToDouble(Double::parseDouble).toArray();
      if (s.length == rows) {
        System.out.println("(" + key + ": holdout scores of an earlier run, " + SCORES + ")");
        return s;
      }
      return null;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static double[] mix(double[] blend, double[] neural, double w) {
    double[] s = new double[blend.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = (1 - w) * Blend.logit(blend[i]) + w * Blend.logit(neural[i]);
    }
    return s;
  }

  private static void header() {
    System.out.println("| trainer/features | AUC | PR-AUC | P@1% | R@1% | Rev@1% | P@2% | R@2% | Rev@2% | P@5% | R@5% | Rev@5% "
        + "| P@10% | R@10% | Rev@10% | train (s) | scoring (rows/s) |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  }

  private static void row(String name, RankingEvaluation e, double seconds, double rate) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "| %s | %.4f | %.4f", name, e.auc(), e.prAuc()));
    for (double pc : PERCENTS) {
      var a = e.at(pc);
      b.append(String.format(Locale.ROOT, " | %.3f | %.3f | %.3f", a.precision(), a.recall(), a.revenue()));
    }
    b.append(Double.isNaN(seconds) ? " | | |" : String.format(Locale.ROOT, " | %.1f | %,.0f |", seconds, rate));
    System.out.println(b);
  }

  /** The model's own cost: rows scored per second from a feature matrix, repeated for at least two seconds. */
  private static double rowsPerSecond(RiskModel m, Dataset d) {
    m.score(d.x(), d.rows(), d.cols());
    long rows = 0;
    long t0 = System.nanoTime();
    while (System.nanoTime() - t0 < 2_000_000_000L) {
      m.score(d.x(), d.rows(), d.cols());
      rows += d.rows();
    }
    return rows / ((System.nanoTime() - t0) / 1e9);
  }

  private static double rowsPerSecond(ModelBundle b, List<Declaration> rows) {
    int w = b.features().width();
    float[] x = new float[rows.size() * w];
    b.features().describe(rows, 0, rows.size(), x);
    return rowsPerSecond(b.model(), new Dataset(x, rows.size(), w, new float[rows.size()], b.features().names()));
  }

  /** Rows [from, to) of {@code d}. */
  /** The 2020 holdout: fit on the first 85 % of the time-ordered rows, test on the last 15 %, with the test rows' outcomes and tax. */
  record Holdout(Dataset fit, Dataset test, boolean[] fraud, double[] tax) {
    static Holdout of(Dataset all) {
      int cut = all.rows() * 85 / 100;
      Dataset test = slice(all, cut, all.rows());
      boolean[] fraud = new boolean[test.rows()];
      double[] tax = new double[test.rows()];
      int taxColumn = all.featureNames().indexOf("log_tax_at_stake");
      for (int r = 0; r < test.rows(); r++) {
        fraud[r] = test.labels()[r] == 1f;
        tax[r] = Math.expm1(test.x()[r * test.cols() + taxColumn]);
      }
      return new Holdout(slice(all, 0, cut), test, fraud, tax);
    }
  }

  static Dataset slice(Dataset d, int from, int to) {
    return new Dataset(Arrays.copyOfRange(d.x(), from * d.cols(), to * d.cols()), to - from, d.cols(),
        Arrays.copyOfRange(d.labels(), from, to), d.featureNames());
  }

  /** The columns {@code used} of {@code d}, in that order. */
  static Dataset select(Dataset d, List<String> used) {
    int[] cols = used.stream().mapToInt(n -> d.featureNames().indexOf(n)).toArray();
    float[] x = new float[d.rows() * cols.length];
    for (int r = 0; r < d.rows(); r++) {
      for (int j = 0; j < cols.length; j++) {
        x[r * cols.length + j] = d.x()[r * d.cols() + cols[j]];
      }
    }
    return new Dataset(x, d.rows(), cols.length, d.labels(), used);
  }
}
