package org.riskgate.risk;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationReader;
import org.riskgate.core.RankingMetrics;
import org.riskgate.core.RejectFile;
import org.riskgate.risk.xgboost.XGBoostModel;
import org.riskgate.risk.xgboost.XGBoostOptions;

/**
 * Other rules for the default blend's {@link Cascade}, simulated beside today's (the blend's own
 * cascade: its bands, bounds, mean tails and floor): how many boosted trees a declaration walks,
 * whether its lane stays the full blend's, and the AUC, when rows stop against a tail bound of the
 * 99th percentile instead of the largest of the band and its neighbours, when the floor rises to a
 * batch's own top share (placed by the rows' estimates), and with other estimates for a row that
 * stops. Chosen on the 2020 holdout (the blend fitted on the first 85 % of 2020 and tested on the
 * rest, the whole holdout as one batch), then run once on 2021Q1 (fitted on all of 2020). The stage
 * width and calibration rows are {@link Cascade}'s; lanes are each day's top 3 % red and
 * next 7 % yellow, as {@code CascadeTest} counts them.
 *
 * <p>Run: {@code bench/main.sh org.riskgate.risk.CascadeVariants [holdout|2021q1] [DATA_DIR]}. In
 * package {@code org.riskgate.risk} to reach the cascade's bands and the blend's column subsets.
 */
public final class CascadeVariants {
  private CascadeVariants() {}

  /** Each row's boosted prefix sums after every stage, its full sum and its other parts' log-odds. */
  private record Walk(double[][] prefix, double[] full, double[] others, double weight, int trees) {}

  /** A stage's bands of the prefix sum, with each band's tail bound and mean, and per-band fits for other estimates. */
  private record Stage(double[] edges, double[] bound, double[] mean, double[] line, double[] othersEdges,
      double[][] mean2) {}

  private enum Estimate { BAND_MEAN, LINE, BAND_AND_FOREST_MEAN }

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "holdout";
    Path data = Path.of(args.length > 1 ? args[1] : "data/customs");
    RejectFile rejects = new RejectFile(Path.of("target/bench-rejects.csv"));
    List<Declaration> all = new ArrayList<>(DeclarationReader.readAll(data.resolve("df_syn_train_eng.csv"),
        ColumnMapping.defaults(), rejects));
    all.sort(Comparator.comparing(Declaration::date));
    List<Declaration> train;
    List<Declaration> test;
    switch (mode) {
      case "holdout" -> {
        LocalDate end = all.get((int) (all.size() * 0.85)).date();
        train = all.stream().filter(d -> d.date().isBefore(end)).toList();
        test = all.stream().filter(d -> !d.date().isBefore(end)).toList();
      }
      case "2021q1" -> {
        train = all;
        test = DeclarationReader.readAll(data.resolve("df_syn_valid_eng.csv"), ColumnMapping.defaults(), rejects);
      }
      default -> throw new IllegalArgumentException("mode is holdout or 2021q1, not " + mode);
    }
    RiskTraining.Prepared p = RiskTraining.prepare(train, Optional.of(test));
    List<String> used = FeatureSet.ALL.of(p.pipeline());
    Dataset tr = ColumnSubset.select(p.train(), used);
    Dataset te = ColumnSubset.select(p.valid().orElseThrow(), used);
    Blend blend = (Blend) new BlendTrainer(XGBoostOptions.DEFAULT).train(tr, Optional.empty()).model();
    Cascade cascade = blend.cascade().orElseThrow();
    // the rows the cascade was calibrated on, as Cascade.calibrate takes them
    Walk calibration = walk(blend.parts(), tr, Math.max(1, tr.rows() / Cascade.CALIBRATION_ROWS));
    Walk tested = walk(blend.parts(), te, 1);
    // the validation matrix holds the labelled rows sorted by date, as here
    List<LocalDate> dates = test.stream().filter(d -> d.outcome().isPresent()).map(Declaration::date).sorted().toList();
    System.out.printf(Locale.ROOT, "%s: %,d calibration rows, %,d tested, %d boosted trees%n", mode,
        calibration.full().length, tested.full().length, tested.trees());
    System.out.println("| bound | floor | estimate | boosted trees a row | stopped | lanes same | AUC | AUC in full |");
    System.out.println("|---|---|---|---:|---:|---:|---:|---:|");
    boolean[] fraud = new boolean[te.rows()];
    for (int i = 0; i < fraud.length; i++) {
      fraud[i] = te.labels()[i] > 0.5f;
    }
    for (double quantile : new double[] {1, 0.99}) {
      for (double batch : new double[] {0, 0.3, 0.2}) {
        simulate(cascade, calibration, tested, dates, fraud, quantile, batch, Estimate.BAND_MEAN);
      }
    }
    simulate(cascade, calibration, tested, dates, fraud, 1, 0, Estimate.LINE);
    simulate(cascade, calibration, tested, dates, fraud, 1, 0, Estimate.BAND_AND_FOREST_MEAN);
  }

  private static Walk walk(List<Blend.Part> parts, Dataset d, int step) {
    int n = (d.rows() + step - 1) / step;
    float[] x = new float[n * d.cols()];
    for (int i = 0; i < n; i++) {
      System.arraycopy(d.x(), i * step * d.cols(), x, i * d.cols(), d.cols());
    }
    Blend.Part boosted = parts.get(0);
    ColumnSubset subset = (ColumnSubset) boosted.model();
    XGBoostModel xgb = (XGBoostModel) subset.inner();
    float[] xs = subset.columnsOf(x, n, d.cols());
    double[] others = new double[n];
    for (Blend.Part part : parts.subList(1, parts.size())) {
      double[] s = part.model().score(x, n, d.cols());
      for (int r = 0; r < n; r++) {
        others[r] += part.weight() * Blend.logit(s[r]);
      }
    }
    int stages = (xgb.trees() - 1) / Cascade.STAGE_TREES;
    double[][] prefix = new double[stages][];
    double[] sums = new double[n];
    Arrays.fill(sums, xgb.baseMargin());
    for (int s = 0; s < stages; s++) {
      xgb.addTrees(xs, n, boosted.features().size(), s * Cascade.STAGE_TREES, (s + 1) * Cascade.STAGE_TREES, sums);
      prefix[s] = sums.clone();
    }
    xgb.addTrees(xs, n, boosted.features().size(), stages * Cascade.STAGE_TREES, xgb.trees(), sums);
    return new Walk(prefix, sums, others, boosted.weight(), xgb.trees());
  }

  /**
   * A stage of the blend's own cascade (its bands, bound and mean tail: today's rule), with the
   * bound replaced by the {@code quantile} of each band's calibration tails when it is below 1,
   * and the fits the other estimates need.
   */
  private static Stage stage(Cascade.Stage today, Walk cal, int s, double quantile) {
    double[] pre = cal.prefix()[s];
    int n = pre.length;
    double[] edges = today.edges();
    List<List<Double>> tails = new ArrayList<>();
    for (int b = 0; b <= edges.length; b++) {
      tails.add(new ArrayList<>());
    }
    double[] othersSorted = cal.others().clone();
    Arrays.sort(othersSorted);
    double[] othersEdges = new double[7];
    for (int k = 1; k <= othersEdges.length; k++) {
      othersEdges[k - 1] = othersSorted[k * n / 8];
    }
    double[][] sum2 = new double[edges.length + 1][8];
    int[][] count2 = new int[edges.length + 1][8];
    double[][] normal = new double[3][3];
    double[] rhs = new double[3];
    for (int i = 0; i < n; i++) {
      double tail = cal.full()[i] - pre[i];
      int band = Cascade.bandOf(edges, pre[i]);
      tails.get(band).add(tail);
      int forest = Cascade.bandOf(othersEdges, cal.others()[i]);
      sum2[band][forest] += tail;
      count2[band][forest]++;
      double[] f = {1, pre[i], cal.others()[i]};
      for (int a = 0; a < 3; a++) {
        rhs[a] += f[a] * tail;
        for (int b = 0; b < 3; b++) {
          normal[a][b] += f[a] * f[b];
        }
      }
    }
    double[] bound = today.tailMax().clone();
    if (quantile < 1) {
      for (int b = 0; b < bound.length; b++) {
        double[] t = tails.get(b).stream().mapToDouble(Double::doubleValue).sorted().toArray();
        bound[b] = t.length == 0 ? bound[b] : t[Math.min(t.length - 1, (int) Math.ceil(quantile * t.length))];
      }
    }
    double[][] mean2 = new double[sum2.length][8];
    for (int a = 0; a < sum2.length; a++) {
      for (int c = 0; c < 8; c++) {
        mean2[a][c] = count2[a][c] < 20 ? today.tailMean()[a] : sum2[a][c] / count2[a][c];
      }
    }
    return new Stage(edges, bound, today.tailMean(), solve(normal, rhs), othersEdges, mean2);
  }

  private static void simulate(Cascade cascade, Walk cal, Walk tst, List<LocalDate> dates, boolean[] fraud,
      double quantile, double batch, Estimate estimate) {
    double w = cal.weight();
    double floor = cascade.floor();
    int stages = cal.prefix().length;
    Stage[] st = new Stage[stages];
    for (int s = 0; s < stages; s++) {
      st[s] = stage(cascade.stages().get(s), cal, s, quantile);
    }
    int m = tst.full().length;
    double[] full = new double[m];
    for (int i = 0; i < m; i++) {
      full[i] = tst.others()[i] + w * tst.full()[i];
    }
    int[] stoppedAt = new int[m];
    Arrays.fill(stoppedAt, stages);
    double[] cut = full.clone();
    double raised = floor;
    for (int s = 0; s < stages; s++) {
      if (batch > 0) {
        // the batch's floor: the estimated score of its top share, stopped rows at their estimate
        double[] estimates = new double[m];
        for (int i = 0; i < m; i++) {
          estimates[i] = stoppedAt[i] < stages ? cut[i] : estimate(st[s], tst, s, i, w, Estimate.BAND_MEAN);
        }
        Arrays.sort(estimates);
        raised = Math.max(raised, estimates[m - 1 - (int) (batch * m)]);
      }
      for (int i = 0; i < m; i++) {
        double pre = tst.prefix()[s][i];
        if (stoppedAt[i] == stages
            && pre + st[s].bound()[Cascade.bandOf(st[s].edges(), pre)] < (raised - tst.others()[i]) / w - 1e-9) {
          stoppedAt[i] = s;
          double bounded = tst.others()[i] + w * (pre + st[s].bound()[Cascade.bandOf(st[s].edges(), pre)]);
          cut[i] = Math.min(bounded, estimate(st[s], tst, s, i, w, estimate));
        }
      }
    }
    long trees = 0;
    int stopped = 0;
    for (int i = 0; i < m; i++) {
      stopped += stoppedAt[i] < stages ? 1 : 0;
      trees += stoppedAt[i] < stages ? (stoppedAt[i] + 1L) * Cascade.STAGE_TREES : tst.trees();
    }
    List<String> a = lanes(cut, dates);
    List<String> b = lanes(full, dates);
    int same = 0;
    for (int i = 0; i < m; i++) {
      same += a.get(i).equals(b.get(i)) ? 1 : 0;
    }
    System.out.printf(Locale.ROOT, "| %s | %s | %s | %.1f | %.3f | %.5f (%d differ) | %.4f | %.4f |%n",
        quantile < 1 ? "99th percentile" : "largest of band and neighbours",
        batch > 0 ? String.format(Locale.ROOT, "batch's top %.0f %%", 100 * batch) : "training",
        estimate.name().toLowerCase(Locale.ROOT), (double) trees / m, (double) stopped / m, (double) same / m,
        m - same, auc(cut, fraud), auc(full, fraud));
  }

  /** A stopped row's blended log-odds: its other parts, and its prefix plus the tail the estimate expects. */
  private static double estimate(Stage s, Walk tst, int stage, int i, double w, Estimate how) {
    double pre = tst.prefix()[stage][i];
    double others = tst.others()[i];
    int band = Cascade.bandOf(s.edges(), pre);
    double tail = switch (how) {
      case BAND_MEAN -> s.mean()[band];
      case LINE -> s.line()[0] + s.line()[1] * pre + s.line()[2] * others;
      case BAND_AND_FOREST_MEAN -> s.mean2()[band][Cascade.bandOf(s.othersEdges(), others)];
    };
    return others + w * (pre + Math.min(tail, s.bound()[band]));
  }

  /** Least squares: the 3 × 3 normal equations by elimination. */
  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = b[i];
    }
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        pivot = Math.abs(m[r][c]) > Math.abs(m[pivot][c]) ? r : pivot;
      }
      double[] t = m[c];
      m[c] = m[pivot];
      m[pivot] = t;
      for (int r = 0; r < n; r++) {
        if (r != c) {
          double f = m[r][c] / m[c][c];
          for (int k = c; k <= n; k++) {
            m[r][k] -= f * m[c][k];
          }
        }
      }
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = m[i][n] / m[i][i];
    }
    return x;
  }

  private static double auc(double[] score, boolean[] fraud) {
    double[] ones = new double[fraud.length];
    Arrays.fill(ones, 1);
    return RankingMetrics.evaluate(score, fraud, ones).auc();
  }

  /** Each day's top 3 % (rounded to the nearest declaration) red, the next 7 % yellow. */
  private static List<String> lanes(double[] score, List<LocalDate> dates) {
    TreeMap<LocalDate, List<Integer>> days = new TreeMap<>();
    for (int i = 0; i < score.length; i++) {
      days.computeIfAbsent(dates.get(i), k -> new ArrayList<>()).add(i);
    }
    List<String> lane = new ArrayList<>(Collections.nCopies(score.length, "green"));
    for (List<Integer> day : days.values()) {
      day.sort(Comparator.comparingDouble((Integer i) -> -score[i]));
      int red = (int) Math.floor(day.size() * 0.03 + 0.5);
      int yellow = (int) Math.floor(day.size() * 0.07 + 0.5);
      for (int k = 0; k < Math.min(day.size(), red + yellow); k++) {
        lane.set(day.get(k), k < red ? "red" : "yellow");
      }
    }
    return lane;
  }
}
