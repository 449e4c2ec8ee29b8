package org.riskgate.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.riskgate.core.Declaration;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.features.FeaturePipeline;
import org.riskgate.selectivity.Lane;
import org.riskgate.server.loop.ChallengerEvaluation;

/**
 * A champion and a challenger judged from files as the platform judges them from its store: the
 * champion's decisions (as {@code riskgate score} wrote them) are the logging policy, the results
 * recorded for the declarations it sent red are the labels, and {@link ChallengerEvaluation} makes
 * the inverse-propensity estimates.
 */
final class ShadowFile {
  private ShadowFile() {}

  /** A decision as read back: the lane and whether a random pick gave it. */
  record Decided(Lane lane, boolean randomPick) {}

  /**
   * The decisions of a {@code riskgate score} CSV output, by declaration id.
   *
   * @throws IllegalArgumentException naming the file, line and field that cannot be read
   */
  static Map<String, Decided> readDecisions(Path file) throws IOException {
    Map<String, Decided> out = new HashMap<>();
    try (CsvReader<NamedCsvRecord> in = CsvReader.builder().ofNamedCsvRecord(file)) {
      for (NamedCsvRecord r : in) {
        long line = r.getStartingLineNumber();
        String id = field(file, r, "declaration_id");
        String lane = field(file, r, "lane");
        String random = field(file, r, "random_pick");
        Lane l;
        try {
          l = Lane.valueOf(lane.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + ":" + line + ": lane '" + lane + "' is not red, yellow or green");
        }
        boolean picked = switch (random.strip().toLowerCase(Locale.ROOT)) {
          case "1", "true" -> true;
          case "0", "false" -> false;
          default -> throw new IllegalArgumentException(file + ":" + line + ": random_pick '" + random
              + "' is not 1 or 0");
        };
        if (out.put(id, new Decided(l, picked)) != null) {
          throw new IllegalArgumentException(file + ":" + line + ": declaration_id " + id + " is decided twice");
        }
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(file + " holds no decisions");
    }
    return out;
  }

  private static String field(Path file, NamedCsvRecord r, String name) {
    return r.findField(name).orElseThrow(() -> new IllegalArgumentException(file + ":" + r.getStartingLineNumber()
        + ": no " + name + " column (the decisions `riskgate score` writes have declaration_id, lane, random_pick)"));
  }

  /**
   * Judges both models on the period's declarations the champion decided. The outcome of a
   * declaration it did not send red is not read: under its policy that declaration was not
   * inspected.
   *
   * @throws IllegalArgumentException when a declaration has no decision, the period overlaps a
   *     model's training, or no random pick was inspected
   */
  static ChallengerEvaluation evaluate(ModelBundle champion, ModelBundle challenger, List<Declaration> period,
      Map<String, Decided> decisions, double percent) {
    List<String> undecided = period.stream().map(Declaration::id).filter(id -> !decisions.containsKey(id)).toList();
    if (!undecided.isEmpty()) {
      throw new IllegalArgumentException(undecided.size() + " declarations of the period have no decision (first: "
          + undecided.get(0) + "): score the same period with the champion to get them");
    }
    double[] a = scores(champion, period);
    double[] b = scores(challenger, period);
    List<ChallengerEvaluation.Row> rows = new ArrayList<>(period.size());
    for (int i = 0; i < period.size(); i++) {
      Declaration d = period.get(i);
      Decided x = decisions.get(d.id());
      Optional<Boolean> result = x.lane() == Lane.RED ? d.outcome().map(o -> o.fraud()) : Optional.empty();
      rows.add(new ChallengerEvaluation.Row(d.id(), d.date(), d.officeId(), x.lane(), x.randomPick(), a[i], b[i],
          result, result.orElse(false) ? d.taxAtStake() : 0));
    }
    return ChallengerEvaluation.of(champion.id(), challenger.id(), rows, percent);
  }

  private static double[] scores(ModelBundle b, List<Declaration> period) {
    FeaturePipeline p = b.features();
    LocalDate end = p.historyUntil().orElse(LocalDate.MIN);
    LocalDate first = period.stream().map(Declaration::date).min(LocalDate::compareTo).orElseThrow(
        () -> new IllegalArgumentException("the period to judge on is empty"));
    if (!first.isAfter(end)) {
      throw new IllegalArgumentException("the period to judge on starts on " + first + ", inside the training of "
          + b.id() + " (which ends " + end + "); judge on a later period");
    }
    float[] x = new float[FeaturePipeline.matrixSize(period.size(), p.width())];
    p.describe(period, 0, period.size(), x);
    return b.model().score(x, period.size(), p.width());
  }

  /** The evaluation as a table and the verdict. */
  static void print(ChallengerEvaluation e, PrintStream out) {
    out.printf(Locale.ROOT, "%njudged on %,d declarations the champion decided, %d inspected random picks; each model's "
        + "top %s %% of each day%n", e.rows(), e.randomPicksInspected(), percent(e.percent()));
    out.printf(Locale.ROOT, "%-12s %-48s %-32s %10s %12s %11s%n", "", "bundle", "precision (IPS) [95 % interval]",
        "self-norm.", "norm-prec rp", "norm-rev rp");
    for (var row : List.of(Map.entry("challenger", e.challenger()), Map.entry("champion", e.champion()))) {
      ChallengerEvaluation.Side s = row.getValue();
      out.printf(Locale.ROOT, "%-12s %-48s %-32s %10.3f %12.3f %11.3f%n", row.getKey(), s.bundleId(),
          String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", s.precision().value(), s.precision().low(),
              s.precision().high()),
          s.precision().selfNormalised(), s.onRandomPicks().normPrecision(), s.onRandomPicks().normRevenue());
    }
    out.println("(rp: on the inspected random picks, an unbiased sample; self-norm.: the self-normalised estimate, "
        + "reported but not judged on)");
    out.println("verdict: " + e.verdict());
  }

  private static String percent(double p) {
    return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
  }
}
