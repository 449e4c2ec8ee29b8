package org.riskgate.risk.drift;

/**
 * How drift is measured and when it raises an alarm.
 *
 * @param bins quantile bins of the reference for PSI (a missing-value bin is added)
 * @param psiAlarm a feature (or the score) whose PSI reaches this in a week raises an alarm; 0.25
 *     is the customary "significant shift" (0.1 – 0.25 "moderate")
 * @param ksAlarm likewise for the Kolmogorov–Smirnov statistic
 * @param minRows weeks with fewer declarations are reported but raise no alarm: on a handful of
 *     rows the distances are noise
 * @param maxReferenceRows the reference keeps at most this many training rows (every k-th), so a
 *     10-million-row year does not have to sit in memory as features
 * @param historyAlarms whether history features (an importer's fraud rate, days since a seller was
 *     first seen ...) raise alarms too. Off by default: they are measured and reported, but their
 *     distribution moves with the age of the history itself (a training year starts with every
 *     party unknown; a week after it knows most of them), so on the public data every one of them
 *     passes the thresholds in every week whatever the traffic does
 * @param calendar features measured but never alarming because a week's values are its calendar:
 *     the weekday mix of a week with a holiday, or of the last, partial week of a file (PSI 2.9 on
 *     the public 2021 data, from those weeks alone)
 */
public record DriftConfig(int bins, double psiAlarm, double ksAlarm, int minRows, int maxReferenceRows,
    boolean historyAlarms, java.util.Set<String> calendar) {
  /**
   * 10 bins, PSI 0.25, KS 0.2, 100 rows a week, 200,000 reference rows, no alarms from history
   * features or the weekday.
   */
  public static final DriftConfig DEFAULT = new DriftConfig(10, 0.25, 0.2, 100, 200_000, false,
      java.util.Set.of("day_of_week"));

  public DriftConfig {
    if (bins < 2) {
      throw new IllegalArgumentException("drift needs at least 2 bins, was " + bins);
    }
    if (!(psiAlarm > 0) || !(ksAlarm > 0 && ksAlarm <= 1)) {
      throw new IllegalArgumentException("PSI alarm must be positive and KS alarm in (0, 1]: " + psiAlarm
          + ", " + ksAlarm);
    }
    calendar = java.util.Set.copyOf(calendar);
    if (minRows < 1 || maxReferenceRows < 1) {
      throw new IllegalArgumentException("row limits must be positive");
    }
  }
}
