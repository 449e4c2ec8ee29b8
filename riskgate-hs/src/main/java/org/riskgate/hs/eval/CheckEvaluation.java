package org.riskgate.hs.eval;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.riskgate.hs.HsCheck;
import org.riskgate.hs.HsChecker;
import org.riskgate.hs.HsCode;
import org.riskgate.hs.check.RequirementTable;

/**
 * Precision and recall of the checker's two flags on declarations with a known true code.
 *
 * <p>Input columns: {@code description,declared_code,true_code} and optionally {@code split} and
 * {@code kind} (e.g. honest, far, near), which add lines per split and kind.
 * Labels are derived, not hand-set: a line is misdeclared when the declared heading differs from
 * the true heading, and a review object declared as general import when the declared code carries
 * no requirement and the true code carries one (in the same requirement table the checker uses).
 *
 * @param groups one line per split plus "all"
 * @param errors lines the checker got wrong, for error analysis
 */
public record CheckEvaluation(List<Group> groups, List<String> errors) {

  /**
   * Counts for one split.
   *
   * @param split split name or "all"
   * @param n lines
   * @param misdeclared lines whose declared heading is wrong
   * @param mismatchTp misdeclared lines flagged as mismatch
   * @param mismatchFp honest lines flagged as mismatch
   * @param reviewObjects lines that are review objects declared as general import
   * @param reviewTp of those, flagged
   * @param reviewFp other lines flagged as review objects
   */
  public record Group(String split, int n, int misdeclared, int mismatchTp, int mismatchFp,
      int reviewObjects, int reviewTp, int reviewFp) {}

  /** Copies the lists. */
  public CheckEvaluation {
    groups = List.copyOf(groups);
    errors = List.copyOf(errors);
  }

  /** Runs the checker on every line of the file. */
  public static CheckEvaluation of(HsChecker checker, RequirementTable table, Path file) {
    Map<String, int[]> counts = new TreeMap<>();
    List<String> errors = new ArrayList<>();
    try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().allowMissingFields(true).ofNamedCsvRecord(file)) {
      for (NamedCsvRecord r : csv) {
        HsCode declared = HsCode.parse(r.getField("declared_code"));
        HsCode truth = HsCode.parse(r.getField("true_code"));
        boolean mis = !declared.digits().substring(0, 4).equals(truth.digits().substring(0, 4));
        boolean review = table.requirementsOf(declared).isEmpty() && !table.requirementsOf(truth).isEmpty();
        HsCheck c = checker.check(r.getField("description"), declared);
        String split = r.findField("split").filter(s -> !s.isBlank()).orElse("all");
        String kind = r.findField("kind").filter(s -> !s.isBlank()).map(s -> "/" + s).orElse("");
        for (String key : new java.util.LinkedHashSet<>(List.of(split, split + kind, "all", "all" + kind))) {
          int[] k = counts.computeIfAbsent(key, x -> new int[7]);
          k[0]++;
          k[1] += mis ? 1 : 0;
          k[2] += mis && c.mismatch() ? 1 : 0;
          k[3] += !mis && c.mismatch() ? 1 : 0;
          k[4] += review ? 1 : 0;
          k[5] += review && c.reviewObjectFlag() ? 1 : 0;
          k[6] += !review && c.reviewObjectFlag() ? 1 : 0;
        }
        if (mis != c.mismatch() || review != c.reviewObjectFlag()) {
          errors.add(String.format(Locale.ROOT, "line %d: \"%s\" declared %s true %s: mismatch %s (expected %s),"
              + " review %s (expected %s) %s", r.getStartingLineNumber(), r.getField("description"), declared, truth,
              c.mismatch(), mis, c.reviewObjectFlag(), review, c.reason()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    List<Group> groups = new ArrayList<>();
    counts.forEach((k, v) -> groups.add(new Group(k, v[0], v[1], v[2], v[3], v[4], v[5], v[6])));
    return new CheckEvaluation(groups, errors);
  }

  /** The groups as a Markdown table with precision and recall. */
  public String table() {
    StringBuilder sb = new StringBuilder();
    sb.append("| split/kind | n | misdeclared | mismatch flags wrong | mismatch precision | mismatch recall"
        + " | review objects | review flags wrong | review precision | review recall |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Group g : groups) {
      sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %s | %d | %d | %s | %s |%n", g.split(), g.n(),
          g.misdeclared(), g.mismatchFp(), ratio(g.mismatchTp(), g.mismatchTp() + g.mismatchFp()),
          ratio(g.mismatchTp(), g.misdeclared()), g.reviewObjects(), g.reviewFp(),
          ratio(g.reviewTp(), g.reviewTp() + g.reviewFp()), ratio(g.reviewTp(), g.reviewObjects())));
    }
    return sb.toString();
  }

  /** The ratio to three decimals, or "-" when undefined (no flags, or no positives). */
  private static String ratio(int a, int b) {
    return b == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) a / b);
  }
}
