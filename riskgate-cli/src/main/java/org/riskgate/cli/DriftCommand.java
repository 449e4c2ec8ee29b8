package org.riskgate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.riskgate.core.Declaration;
import org.riskgate.core.Declarations;
import org.riskgate.core.Period;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.Provenance;
import org.riskgate.risk.drift.DriftConfig;
import org.riskgate.risk.drift.DriftMonitor;
import org.riskgate.risk.drift.DriftReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code riskgate drift}: how far each week has moved from a model's training period. */
@Command(name = "drift", mixinStandardHelpOptions = true,
    description = "Population stability (PSI) and Kolmogorov-Smirnov distance of each feature and of the score, per "
        + "week, against the model's training period. Exit 0 within the thresholds, 3 when an alarm is raised.")
final class DriftCommand implements Callable<Integer> {
  /** Exit code when a week passes a threshold. */
  static final int ALARM = 3;

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model bundle.")
  Path model;

  @Option(names = "--data", required = true, paramLabel = "FILE_OR_LAKE",
      description = "Declarations dated after the training period (CSV, Parquet or lake; --from/--to pick the period).")
  Path data;

  @Option(names = "--reference", paramLabel = "FILE_OR_LAKE",
      description = "The training data, when it is no longer where the bundle's provenance says (its SHA-256 must match).")
  Path reference;

  @Option(names = "--psi-alarm", defaultValue = "0.25", description = "PSI that raises an alarm (default ${DEFAULT-VALUE}).")
  double psiAlarm;

  @Option(names = "--ks-alarm", defaultValue = "0.2", description = "KS statistic that raises an alarm (default ${DEFAULT-VALUE}).")
  double ksAlarm;

  @Option(names = "--min-rows", defaultValue = "100",
      description = "Weeks with fewer declarations raise no alarm (default ${DEFAULT-VALUE}).")
  int minRows;

  @Option(names = "--history-alarms", description = "Let history features (parties' fraud rates, days since first "
      + "seen ...) raise alarms too; they are always measured, but move with the age of the history itself.")
  boolean historyAlarms;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the whole report as JSON.")
  Path json;

  @Mixin InputOptions input;

  @Override
  public Integer call() throws Exception {
    ModelBundle bundle = ModelBundle.load(model);
    Provenance p = bundle.provenance();
    Path ref = reference != null ? reference : Path.of(p.trainingFile());
    if (!Files.exists(ref)) {
      throw new IllegalArgumentException("the training data " + ref + " named in " + model.resolve("provenance.json")
          + " is not there; pass --reference with a copy of it");
    }
    String sha = Declarations.sha256(ref);
    if (!sha.equals(p.trainingSha256())) {
      throw new IllegalArgumentException(ref + " is not the data model " + bundle.id() + " was trained on (SHA-256 "
          + sha.substring(0, 12) + "..., provenance " + p.trainingSha256().substring(0, Math.min(12,
              p.trainingSha256().length())) + "...)");
    }
    Path rejectDir = json != null && json.toAbsolutePath().getParent() != null ? json.toAbsolutePath().getParent()
        : Path.of(".");
    List<Declaration> training = input.readAll(ref, Period.of(LocalDate.parse(p.periodFrom()),
        LocalDate.parse(p.periodTo())), rejectDir).rows();
    InputOptions.Loaded later = input.readAll(data, rejectDir);
    System.out.println(later.describe(data));
    DriftConfig config = new DriftConfig(DriftConfig.DEFAULT.bins(), psiAlarm, ksAlarm, minRows,
        DriftConfig.DEFAULT.maxReferenceRows(), historyAlarms, DriftConfig.DEFAULT.calendar());
    DriftReport report = DriftMonitor.measure(bundle, training, later.rows(), config);
    System.out.printf("reference: %s .. %s, %,d declarations (model %s)%n%n", report.referenceFrom(),
        report.referenceTo(), report.referenceRows(), bundle.id());
    System.out.print(weekTable(report));
    System.out.println();
    System.out.print(featureTable(report));
    if (json != null) {
      Files.writeString(json, org.riskgate.server.Json.write(report));
      System.out.println("report: " + json.toAbsolutePath());
    }
    if (report.alarm()) {
      System.out.printf("%nALARM: PSI >= %s or KS >= %s in %d of %d weeks (max over weeks of at least %d rows above)%n",
          psiAlarm, ksAlarm,
          report.weeks().stream().filter(DriftReport.Week::alarm).count(), report.weeks().size(), minRows);
      return ALARM;
    }
    System.out.printf("%nwithin thresholds (PSI < %s, KS < %s) in every week%n", psiAlarm, ksAlarm);
    return 0;
  }

  /**
   * Per week: rows, the score's distances, the most drifted feature of those that may alarm (the
   * history features all drift with the history's age; the feature table shows them) and how many
   * alarmed.
   */
  static String weekTable(DriftReport r) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-11s %6s %9s %8s  %-28s %9s %8s%n", "week", "rows",
        "score-PSI", "score-KS", "most drifted (may alarm)", "PSI", "alarms"));
    for (DriftReport.Week w : r.weeks()) {
      DriftReport.Measure score = w.measures().get(0);
      DriftReport.Measure worst = w.measures().stream().skip(1)
          .filter(m -> (!m.history() || r.config().historyAlarms()) && !r.config().calendar().contains(m.name()))
          .max(java.util.Comparator.comparingDouble(DriftReport.Measure::psi)).orElse(score);
      s.append(String.format(Locale.ROOT, "%-11s %6d %9.3f %8.3f  %-28s %9.3f %8d%n", w.monday(), w.rows(),
          score.psi(), score.ks(), worst.name(), worst.psi(), w.measures().stream().filter(
              DriftReport.Measure::alarm).count()));
    }
    return s.toString();
  }

  /** Per feature (and the score): the largest PSI and KS over the weeks, and whether it alarmed. */
  static String featureTable(DriftReport r) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-32s %-8s %9s %8s %6s%n", "feature", "kind",
        "max PSI", "max KS", "alarm"));
    for (DriftReport.Measure m : r.worst()) {
      s.append(String.format(Locale.ROOT, "%-32s %-8s %9.3f %8.3f %6s%n", m.name(),
          m.name().equals(DriftReport.SCORE) ? "score" : m.history() ? "history"
              : r.config().calendar().contains(m.name()) ? "calendar" : "own", m.psi(), m.ks(),
          m.alarm() ? "yes" : ""));
    }
    return s.toString();
  }
}
