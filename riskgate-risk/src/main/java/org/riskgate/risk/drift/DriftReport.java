package org.riskgate.risk.drift;

import java.time.LocalDate;
import java.util.List;

/**
 * Drift of each week against a model's training period.
 *
 * @param bundleId the model whose features and score were compared
 * @param referenceFrom first day of the reference (training) period
 * @param referenceTo its last day
 * @param referenceRows rows the reference distributions were taken from
 */
public record DriftReport(String bundleId, LocalDate referenceFrom, LocalDate referenceTo, long referenceRows,
    DriftConfig config, List<Week> weeks) {

  /** The name the model's score is reported under, beside the features. */
  public static final String SCORE = "score";

  public DriftReport {
    weeks = List.copyOf(weeks);
  }

  /**
   * One week (Monday to Sunday).
   *
   * @param measures the score first, then each feature in the pipeline's order
   */
  public record Week(LocalDate monday, int rows, List<Measure> measures) {
    public Week {
      measures = List.copyOf(measures);
    }

    public boolean alarm() {
      return measures.stream().anyMatch(Measure::alarm);
    }
  }

  /**
   * The distances of one feature (or the score) in one week.
   *
   * @param history whether the feature comes from a history (it alarms only when the
   *     configuration says so)
   */
  public record Measure(String name, boolean history, double psi, double ks, boolean alarm) {}

  /** Whether any week raised an alarm. */
  public boolean alarm() {
    return weeks.stream().anyMatch(Week::alarm);
  }

  /**
   * The largest PSI and KS of each feature (and the score) over the weeks with enough rows to
   * alarm, in report order; empty when there is none.
   */
  public List<Measure> worst() {
    List<Week> full = weeks.stream().filter(w -> w.rows() >= config.minRows()).toList();
    if (full.isEmpty()) {
      return List.of();
    }
    List<Measure> worst = new java.util.ArrayList<>(full.get(0).measures());
    for (Week w : full.subList(1, full.size())) {
      for (int i = 0; i < worst.size(); i++) {
        Measure a = worst.get(i);
        Measure b = w.measures().get(i);
        worst.set(i, new Measure(a.name(), a.history(), Math.max(a.psi(), b.psi()), Math.max(a.ks(), b.ks()),
            a.alarm() || b.alarm()));
      }
    }
    return worst;
  }
}
