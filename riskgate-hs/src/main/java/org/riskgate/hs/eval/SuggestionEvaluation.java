package org.riskgate.hs.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.riskgate.hs.HsSuggester;
import org.riskgate.hs.Suggestion;
import org.riskgate.hs.learn.LabelledData;

/**
 * Top-1 and top-5 accuracy of a suggester at HS6, HS4 and HS2, per split and language, and the
 * reliability of its top-1 confidence.
 *
 * @param groups one line per (split, language) and overall lines
 * @param reliability calibration bins of the top-1 confidence over all rows
 * @param misses rows whose true HS4 was not the top-1 heading, for error analysis
 */
public record SuggestionEvaluation(List<Group> groups, List<Bin> reliability, List<String> misses) {

  /**
   * Accuracy figures of one group of rows.
   *
   * @param split the split ("tune", "heldout", or "all")
   * @param language the language or "all"
   * @param n number of rows
   * @param hs6Top1 share whose true HS6 is the top suggestion
   * @param hs6Top5 share whose true HS6 is among the top five
   * @param hs4Top1 share whose true heading is the top suggestion's heading
   * @param hs4Top5 share whose true heading is among the top five's headings
   * @param hs2Top1 same at chapter level
   * @param hs2Top5 same at chapter level
   */
  public record Group(String split, String language, int n, double hs6Top1, double hs6Top5,
      double hs4Top1, double hs4Top5, double hs2Top1, double hs2Top5) {}

  /**
   * A calibration bin.
   *
   * @param from lower bound of top-1 confidence
   * @param to upper bound
   * @param n rows in the bin
   * @param meanConfidence mean top-1 confidence in the bin
   * @param accuracy HS6 top-1 accuracy in the bin
   */
  public record Bin(double from, double to, int n, double meanConfidence, double accuracy) {}

  /** Copies the lists. */
  public SuggestionEvaluation {
    groups = List.copyOf(groups);
    reliability = List.copyOf(reliability);
    misses = List.copyOf(misses);
  }

  /** Evaluates the suggester on the rows. */
  public static SuggestionEvaluation of(HsSuggester suggester, List<LabelledData.Row> rows) {
    Map<String, int[]> counts = new TreeMap<>();
    double[][] bins = new double[5][3];
    List<String> misses = new ArrayList<>();
    for (LabelledData.Row r : rows) {
      List<Suggestion> s = suggester.suggest(r.description(), 5);
      String t6 = r.code().digits();
      String t4 = t6.substring(0, 4);
      String t2 = t6.substring(0, 2);
      int[] hit = new int[6];
      for (int i = 0; i < s.size(); i++) {
        String c = s.get(i).subheading().digits();
        if (c.equals(t6)) {
          hit[0] |= i == 0 ? 1 : 0;
          hit[1] = 1;
        }
        if (c.startsWith(t4)) {
          hit[2] |= i == 0 ? 1 : 0;
          hit[3] = 1;
        }
        if (c.startsWith(t2)) {
          hit[4] |= i == 0 ? 1 : 0;
          hit[5] = 1;
        }
      }
      String lang = r.language().isBlank() ? Language.of(r.description()) : r.language();
      String split = r.split().isBlank() ? "all" : r.split();
      // a set, so rows without a split are not counted twice in the overall lines
      for (String key : new java.util.LinkedHashSet<>(
          List.of(split + "\t" + lang, split + "\tall", "all\t" + lang, "all\tall"))) {
        int[] c = counts.computeIfAbsent(key, x -> new int[7]);
        c[6]++;
        for (int i = 0; i < 6; i++) {
          c[i] += hit[i];
        }
      }
      if (!s.isEmpty()) {
        double conf = s.get(0).confidence();
        int b = Math.min(4, (int) (conf * 5));
        bins[b][0]++;
        bins[b][1] += conf;
        bins[b][2] += hit[0];
      }
      if (hit[2] == 0) {
        misses.add(String.format(Locale.ROOT, "line %d [%s] \"%s\" true %s, got %s", r.line(), lang,
            r.description(), t6, s.isEmpty() ? "nothing" : s.get(0).subheading() + " " + s.get(0).evidence()));
      }
    }
    List<Group> groups = new ArrayList<>();
    counts.forEach((k, c) -> {
      String[] p = k.split("\t");
      double n = c[6];
      groups.add(new Group(p[0], p[1], c[6], c[0] / n, c[1] / n, c[2] / n, c[3] / n, c[4] / n, c[5] / n));
    });
    List<Bin> rel = new ArrayList<>();
    for (int b = 0; b < 5; b++) {
      int n = (int) bins[b][0];
      rel.add(new Bin(b / 5.0, (b + 1) / 5.0, n, n == 0 ? 0 : bins[b][1] / n, n == 0 ? 0 : bins[b][2] / n));
    }
    return new SuggestionEvaluation(groups, rel, misses);
  }

  /** Expected calibration error of the top-1 confidence over the bins. */
  public double expectedCalibrationError() {
    int total = reliability.stream().mapToInt(Bin::n).sum();
    if (total == 0) {
      return 0;
    }
    return reliability.stream().mapToDouble(b -> b.n() * Math.abs(b.meanConfidence() - b.accuracy())).sum() / total;
  }

  /** The groups as a Markdown table. */
  public String table() {
    StringBuilder sb = new StringBuilder();
    sb.append("| split | lang | n | HS6 top-1 | HS6 top-5 | HS4 top-1 | HS4 top-5 | HS2 top-1 | HS2 top-5 |\n");
    sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Group g : groups) {
      sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
          g.split(), g.language(), g.n(), g.hs6Top1(), g.hs6Top5(), g.hs4Top1(), g.hs4Top5(), g.hs2Top1(), g.hs2Top5()));
    }
    sb.append("\n| top-1 confidence | n | mean confidence | HS6 top-1 accuracy |\n|---|---:|---:|---:|\n");
    for (Bin b : reliability) {
      sb.append(String.format(Locale.ROOT, "| %.1f-%.1f | %d | %.3f | %.3f |%n", b.from(), b.to(), b.n(),
          b.meanConfidence(), b.accuracy()));
    }
    sb.append(String.format(Locale.ROOT, "%nexpected calibration error (HS6 top-1): %.3f%n", expectedCalibrationError()));
    return sb.toString();
  }
}
