package org.riskgate.risk.drift;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.riskgate.core.Declaration;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.features.FeaturePipeline;

/**
 * Measures drift of later declarations against a bundle's training period.
 *
 * <p>Both sides are described point-in-time, each declaration from the history before its day, as
 * training described them: the reference by walking the training period with a pipeline fitted on
 * it (the bundle's own recipe, so its category codes are the bundle's), the later weeks by walking
 * on from the end of that history. Described instead from the history frozen at the end of
 * training, every count-like history feature would drift by construction, week after week, and
 * the alarm would say nothing. The reference's scores are the model's scores of its own training
 * rows: in-sample, so a little more extreme than any later week's even without drift.
 */
public final class DriftMonitor {
  private DriftMonitor() {}

  /**
   * Measures each week of {@code later} against {@code training}.
   *
   * @param training the bundle's training declarations (its provenance names them)
   * @param later declarations dated after the training period; their outcomes, when known, join
   *     the history day by day as they would in scoring with retraining
   * @throws IllegalArgumentException when the training rows do not give the bundle's features or
   *     {@code later} overlaps the training period
   */
  public static DriftReport measure(ModelBundle bundle, List<Declaration> training, List<Declaration> later,
      DriftConfig config) {
    if (training.isEmpty()) {
      throw new IllegalArgumentException("no training declarations to compare with");
    }
    FeaturePipeline pipeline = FeaturePipeline.fit(training);
    if (!pipeline.names().equals(bundle.features().names())) {
      throw new IllegalArgumentException("the reference declarations give other features than model "
          + bundle.id() + " was trained on");
    }
    int w = pipeline.width();
    int every = Math.max(1, (int) Math.ceil(training.size() / (double) config.maxReferenceRows()));
    int kept = (training.size() + every - 1) / every;
    float[] ref = new float[FeaturePipeline.matrixSize(kept, w)];
    int[] r = {0};
    List<Declaration> order = pipeline.walk(training, (position, d, features) -> {
      if (position % every == 0) {
        System.arraycopy(features, 0, ref, r[0]++ * w, w);
      }
    });
    LocalDate end = order.get(order.size() - 1).date();
    if (later.stream().anyMatch(d -> !d.date().isAfter(end))) {
      throw new IllegalArgumentException("the data to check must start after the training period ends (" + end + ")");
    }
    Reference reference = new Reference(Side.of(bundle, ref, r[0], w), config);
    Map<LocalDate, List<Integer>> weeks = new TreeMap<>();
    float[] x = new float[FeaturePipeline.matrixSize(later.size(), w)];
    pipeline.walk(later, (position, d, features) -> {
      System.arraycopy(features, 0, x, position * w, w);
      weeks.computeIfAbsent(d.date().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
          k -> new ArrayList<>()).add(position);
    });
    List<DriftReport.Week> out = new ArrayList<>();
    for (Map.Entry<LocalDate, List<Integer>> week : weeks.entrySet()) {
      List<Integer> rows = week.getValue();
      float[] m = new float[rows.size() * w];
      for (int i = 0; i < rows.size(); i++) {
        System.arraycopy(x, rows.get(i) * w, m, i * w, w);
      }
      out.add(reference.compare(week.getKey(), Side.of(bundle, m, rows.size(), w), config));
    }
    return new DriftReport(bundle.id(), order.get(0).date(), end, r[0], config, out);
  }

  /** One side's values per column: the score first, then each feature. */
  private record Side(List<String> names, float[][] columns, int rows) {
    static Side of(ModelBundle bundle, float[] x, int rows, int w) {
      double[] scores = bundle.model().score(x, rows, w);
      List<String> names = new ArrayList<>();
      names.add(DriftReport.SCORE);
      names.addAll(bundle.features().names());
      float[][] columns = new float[w + 1][rows];
      for (int i = 0; i < rows; i++) {
        columns[0][i] = (float) scores[i];
        for (int f = 0; f < w; f++) {
          columns[f + 1][i] = x[i * w + f];
        }
      }
      return new Side(names, columns, rows);
    }
  }

  /** The reference side, sorted and binned once for every week. */
  private static final class Reference {
    private final Side side;
    private final float[][] sorted;
    private final double[][] edges;
    private final double[][] shares;

    Reference(Side side, DriftConfig config) {
      this.side = side;
      int n = side.columns().length;
      sorted = new float[n][];
      edges = new double[n][];
      shares = new double[n][];
      for (int c = 0; c < n; c++) {
        sorted[c] = Distributions.sortedPresent(side.columns()[c]);
        edges[c] = Distributions.edges(sorted[c], config.bins());
        shares[c] = Distributions.shares(side.columns()[c], edges[c]);
      }
    }

    DriftReport.Week compare(LocalDate monday, Side week, DriftConfig config) {
      List<DriftReport.Measure> measures = new ArrayList<>();
      for (int c = 0; c < sorted.length; c++) {
        double psi = Distributions.psi(shares[c], Distributions.shares(week.columns()[c], edges[c]));
        double ks = Distributions.ks(sorted[c], Distributions.sortedPresent(week.columns()[c]));
        String name = side.names().get(c);
        boolean history = FeaturePipeline.fromHistory(name);
        boolean alarm = week.rows() >= config.minRows() && (!history || config.historyAlarms())
            && !config.calendar().contains(name)
            && (psi >= config.psiAlarm() || ks >= config.ksAlarm());
        measures.add(new DriftReport.Measure(name, history, psi, ks, alarm));
      }
      return new DriftReport.Week(monday, week.rows(), measures);
    }
  }
}
