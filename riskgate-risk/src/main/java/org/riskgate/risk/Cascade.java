package org.riskgate.risk;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.riskgate.risk.xgboost.XGBoostModel;

/**
 * How a blend scores cheaply: every part but its boosted trees is scored in full; the boosted
 * trees are walked in stages, and after each stage a row whose blended log-odds cannot reach
 * {@code floor}, even if the remaining trees add the most they added to any training row of its
 * band, stops there. The rest walk on, and the rows that never stop get exactly (bit for bit) the
 * full blend's score; rows that stop get an estimate (the mean the remaining trees added to training
 * rows like them), which is below their bound and so below the floor.
 *
 * <p>Why the tail bound is measured, not derived: the exact bound, each remaining tree's largest
 * leaf, adds up to +33 and -36 log-odds for the last 305 trees of the default model (leaves of ±0.1
 * to ±0.2 each), wider than the whole range of scores, so no row could ever stop. The bound used
 * is, per band of the prefix sum, the largest sum the remaining trees gave a training row of that
 * band or a neighbouring one (training rows, to which the trees fit closer than to a later period,
 * so their sums are the wider ones). Lanes equal the full blend's as long as each day's last
 * yellow declaration scores at or above the floor, the score of the top {@code keepShare} of the
 * training period (three times the default lanes), which {@code CascadeTest} checks on 2021Q1.
 *
 * @param part the blend part whose trees are cut (an XGBoost booster)
 * @param stages where rows may stop, in order of their number of trees
 * @param floor the blended log-odds below which a row's exact score is not needed
 * @param keepShare the share of the calibration rows whose exact score is at or above the floor
 * @param calibrationRows how many training rows fixed the bounds and the floor
 */
record Cascade(String part, List<Stage> stages, double floor, double keepShare, int calibrationRows) {
  static final String FILE = "cascade.json";
  /** Three times the default red and yellow lanes (3 % + 7 %): room for days above the average. */
  static final double KEEP_SHARE = 0.3;
  /** Rows of the training period the bounds are measured on, spread over it. */
  static final int CALIBRATION_ROWS = 200_000;
  /** Trees between two stages: a stage costs a band lookup and a copy of the rows that walk on. */
  static final int STAGE_TREES = 10;
  /** Bands of the prefix sum, each with its own bound. */
  static final int BANDS = 32;
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Where rows may stop: after {@code trees} trees, a row whose prefix sum falls in band
   * {@code b} (how many {@code edges} lie at or below it) is bounded by {@code tailMax[b]}, and
   * if it stops it is scored with {@code tailMean[b]}, the mean the remaining trees added to the
   * calibration rows of its band (below the bound, so below the floor too).
   */
  record Stage(int trees, double[] edges, double[] tailMax, double[] tailMean) {
    // arrays, not lists: a score walks every stage's bands for every row, and the server scores
    // one declaration at a time (boxed lists cost 2.5 % of its CPU at 500 requests/s); the JSON of
    // cascade.json is the same either way
    Stage {
      edges = edges.clone();
      tailMax = tailMax.clone();
      tailMean = tailMean.clone();
      if (trees < 0 || tailMax.length != edges.length + 1 || tailMean.length != tailMax.length
          || Arrays.stream(tailMax).anyMatch(Double::isNaN) || Arrays.stream(tailMean).anyMatch(Double::isNaN)) {
        throw new IllegalArgumentException("a cascade stage needs a bound and a mean per band: " + trees + ", "
            + Arrays.toString(edges) + ", " + Arrays.toString(tailMax) + ", " + Arrays.toString(tailMean));
      }
    }

    /** The band of a prefix sum: how many edges lie at or below it. */
    int band(double prefix) {
      return bandOf(edges, prefix);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Stage t && trees == t.trees && Arrays.equals(edges, t.edges)
          && Arrays.equals(tailMax, t.tailMax) && Arrays.equals(tailMean, t.tailMean);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * (31 * trees + Arrays.hashCode(edges)) + Arrays.hashCode(tailMax)) + Arrays.hashCode(tailMean);
    }

    @Override
    public String toString() {
      return "Stage[trees=" + trees + ", edges=" + Arrays.toString(edges) + ", tailMax=" + Arrays.toString(tailMax)
          + ", tailMean=" + Arrays.toString(tailMean) + "]";
    }
  }

  static int bandOf(double[] edges, double prefix) {
    int lo = 0;
    int hi = edges.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (edges[mid] <= prefix) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  Cascade {
    stages = List.copyOf(stages);
    if (!(keepShare > 0 && keepShare <= 1) || Double.isNaN(floor)) {
      throw new IllegalArgumentException("a cascade needs a floor: " + floor + ", " + keepShare);
    }
    for (int i = 1; i < stages.size(); i++) {
      if (stages.get(i).trees() <= stages.get(i - 1).trees()) {
        throw new IllegalArgumentException("cascade stages must walk more trees each: " + stages);
      }
    }
  }

  /** Training notes: what the cascade does, for provenance. */
  Map<String, String> notes() {
    Map<String, String> n = new LinkedHashMap<>();
    n.put("cascade.part", part);
    n.put("cascade.stages", stages.stream().map(s -> Integer.toString(s.trees())).toList().toString());
    n.put("cascade.floor_log_odds", Double.toString(floor));
    n.put("cascade.keep_share", Double.toString(keepShare));
    n.put("cascade.calibration_rows", Integer.toString(calibrationRows));
    return n;
  }

  /**
   * The cascade for a blend trained on {@code train}, with a stage every {@link #STAGE_TREES}
   * trees; empty when the blend has no boosted part to cut or too few trees for a stage.
   */
  static Optional<Cascade> calibrate(List<Blend.Part> parts, Dataset train) {
    Optional<Boosted> found = Boosted.in(parts);
    if (found.isEmpty() || train.rows() == 0 || found.get().model().trees() <= STAGE_TREES) {
      return Optional.empty();
    }
    Boosted b = found.get();
    int step = Math.max(1, train.rows() / CALIBRATION_ROWS);
    int n = (train.rows() + step - 1) / step;
    float[] x = new float[n * train.cols()];
    for (int i = 0; i < n; i++) {
      System.arraycopy(train.x(), i * step * train.cols(), x, i * train.cols(), train.cols());
    }
    double[][] others = b.others(parts, x, n, train.cols());
    float[] xs = b.columns(x, n, train.cols());
    int trees = b.model().trees();
    List<double[]> prefixes = new ArrayList<>();
    double[] sums = new double[n];
    Arrays.fill(sums, b.model().baseMargin());
    for (int k = STAGE_TREES; k < trees; k += STAGE_TREES) {
      b.model().addTrees(xs, n, b.cols(), k - STAGE_TREES, k, sums);
      prefixes.add(sums.clone());
    }
    b.model().addTrees(xs, n, b.cols(), prefixes.size() * STAGE_TREES, trees, sums);
    double[] full = new double[n];
    for (int i = 0; i < n; i++) {
      full[i] = b.blended(others, i, sums[i]);
    }
    double[] sorted = full.clone();
    Arrays.sort(sorted);
    double floor = sorted[Math.max(0, (int) Math.floor(n * (1 - KEEP_SHARE)) - 1)];
    List<Stage> stages = new ArrayList<>();
    for (int s = 0; s < prefixes.size(); s++) {
      stages.add(banded((s + 1) * STAGE_TREES, prefixes.get(s), sums));
    }
    return Optional.of(new Cascade(b.name(), stages, floor, KEEP_SHARE, n));
  }

  /**
   * The bound after {@code k} trees: the calibration rows in {@link #BANDS} bands of equal size by
   * their prefix sum, and for each band the largest sum the remaining trees gave a row of it or of
   * a neighbouring band (rows far below the floor rarely climb far, so one bound for all would be
   * set by the few rows that do). The lowest and highest bands are open.
   */
  private static Stage banded(int k, double[] prefix, double[] full) {
    int n = prefix.length;
    double[] sorted = prefix.clone();
    Arrays.sort(sorted);
    int bands = Math.min(BANDS, n);
    List<Double> edges = new ArrayList<>();
    for (int band = 1; band < bands; band++) {
      double edge = sorted[(int) ((long) band * n / bands)];
      if (edges.isEmpty() || edge > edges.get(edges.size() - 1)) {
        edges.add(edge);
      }
    }
    double[] edgeValues = edges.stream().mapToDouble(Double::doubleValue).toArray();
    double[] none = new double[edgeValues.length + 1];
    Stage open = new Stage(k, edgeValues, none, none);
    // each row is counted in the band the stage will look up for it, so every calibration row is
    // within its band's bound
    double[] max = new double[edges.size() + 1];
    double[] sum = new double[max.length];
    int[] count = new int[max.length];
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
    double all = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      int band = open.band(prefix[i]);
      max[band] = Math.max(max[band], full[i] - prefix[i]);
      sum[band] += full[i] - prefix[i];
      count[band]++;
      all = Math.max(all, full[i] - prefix[i]);
    }
    double[] tail = new double[max.length];
    double[] mean = new double[max.length];
    for (int band = 0; band < max.length; band++) {
      double m = max[band];
      m = Math.max(m, band > 0 ? max[band - 1] : m);
      m = Math.max(m, band + 1 < max.length ? max[band + 1] : m);
      tail[band] = m == Double.NEGATIVE_INFINITY ? all : m;
      mean[band] = count[band] == 0 ? 0 : Math.min(tail[band], sum[band] / count[band]);
    }
    return new Stage(k, edgeValues, tail, mean);
  }

  /** The blend's probabilities, exact for every row that may reach the floor. */
  double[] score(List<Blend.Part> parts, float[] x, int rows, int cols) {
    Boosted b = Boosted.in(parts).filter(p -> p.name().equals(part))
        .orElseThrow(() -> new ModelException("the cascade cuts part '" + part + "', which the blend lacks"));
    double[][] others = b.others(parts, x, rows, cols);
    int w = b.cols();
    float[] columns = b.columns(x, rows, cols);
    float[] xs = columns == x ? x.clone() : columns; // compacted in place below
    double[] out = new double[rows];
    // the rows still walking: their index, features and sums, compacted after each stage
    int[] live = java.util.stream.IntStream.range(0, rows).toArray();
    int n = rows;
    double[] sums = new double[rows];
    Arrays.fill(sums, b.model().baseMargin());
    // the sum of the boosted trees below which a row's blend cannot reach the floor: the blend is
    // its other parts plus weight × this sum (its logit clamped only beyond ±34); the margin keeps
    // the test on the safe side of rounding, and a row that stops is bounded exactly below
    double[] needed = new double[rows];
    for (int r = 0; r < rows; r++) {
      needed[r] = (floor - b.blended(others, r, 0)) / b.weight() - 1e-9;
    }
    int walked = 0;
    for (Stage s : stages) {
      int end = Math.min(s.trees(), b.model().trees());
      b.model().addTrees(xs, n, w, walked, end, sums);
      walked = end;
      double[] edges = s.edges();
      double[] tailMax = s.tailMax();
      double[] tailMean = s.tailMean();
      int kept = 0;
      for (int i = 0; i < n; i++) {
        int band = bandOf(edges, sums[i]);
        double bound = sums[i] + tailMax[band];
        if (bound < needed[live[i]] && b.blended(others, live[i], bound) < floor) {
          out[live[i]] = sigmoid(b.blended(others, live[i], sums[i] + tailMean[band]));
        } else {
          if (kept != i) {
            live[kept] = live[i];
            sums[kept] = sums[i];
            System.arraycopy(xs, i * w, xs, kept * w, w);
          }
          kept++;
        }
      }
      n = kept;
    }
    b.model().addTrees(xs, n, w, walked, b.model().trees(), sums);
    for (int i = 0; i < n; i++) {
      out[live[i]] = sigmoid(b.blended(others, live[i], sums[i]));
    }
    return out;
  }

  void save(Path blendDir) throws IOException {
    JSON.writerWithDefaultPrettyPrinter().writeValue(blendDir.resolve(FILE).toFile(), this);
  }

  /** The cascade a bundle's blend directory holds; empty for bundles made before cascades. */
  static Optional<Cascade> load(Path blendDir) throws IOException {
    Path file = blendDir.resolve(FILE);
    return Files.isRegularFile(file) ? Optional.of(JSON.readValue(file.toFile(), Cascade.class)) : Optional.empty();
  }

  static double sigmoid(double m) {
    return 1 / (1 + Math.exp(-m));
  }

  /**
   * The blend's boosted part, where it sits among the parts, and the columns it reads. The parts
   * before and after it are added around it in their order, as {@link Blend#score} adds them, so
   * that a row walked in full gets the same double sum.
   */
  private record Boosted(int index, String name, double weight, XGBoostModel model, Optional<ColumnSubset> subset,
      int cols) {
    static Optional<Boosted> in(List<Blend.Part> parts) {
      for (int i = 0; i < parts.size(); i++) {
        Blend.Part p = parts.get(i);
        RiskModel m = p.model();
        Optional<ColumnSubset> subset = m instanceof ColumnSubset c ? Optional.of(c) : Optional.empty();
        RiskModel inner = subset.map(ColumnSubset::inner).orElse(m);
        if (inner instanceof XGBoostModel xgb && p.kind().equals("xgboost")) {
          return Optional.of(new Boosted(i, p.name(), p.weight(), xgb, subset, p.features().size()));
        }
      }
      return Optional.empty();
    }

    float[] columns(float[] x, int rows, int cols) {
      return subset.map(s -> s.columnsOf(x, rows, cols)).orElse(x);
    }

    /** Each other part's weighted log-odds per row, by its place in the blend (none at this part's). */
    double[][] others(List<Blend.Part> parts, float[] x, int rows, int cols) {
      double[][] terms = new double[parts.size()][];
      for (int j = 0; j < parts.size(); j++) {
        if (j != index) {
          double[] s = parts.get(j).model().score(x, rows, cols);
          terms[j] = new double[rows];
          for (int r = 0; r < rows; r++) {
            terms[j][r] = parts.get(j).weight() * Blend.logit(s[r]);
          }
        }
      }
      return terms;
    }

    /** Row {@code r}'s blended log-odds when this part's trees sum to {@code sum}: Blend's sum, in its order. */
    double blended(double[][] others, int r, double sum) {
      double m = 0;
      for (int j = 0; j < others.length; j++) {
        m += j == index ? weight * Blend.logit(sigmoid(sum)) : others[j][r];
      }
      return m;
    }
  }
}
