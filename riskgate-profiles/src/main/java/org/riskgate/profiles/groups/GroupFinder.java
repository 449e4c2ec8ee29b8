package org.riskgate.profiles.groups;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.riskgate.core.Declaration;

/**
 * Finds the groups of a period whose fraud rate stands out from the period's overall rate.
 *
 * <p>Every value of every dimension, and (with {@code maxCriteria = 2}) every pair of values of
 * two dimensions, is a candidate. Each candidate of at least {@code minSize} declarations is
 * tested with an exact one-sided binomial test against the overall rate; the p-values are then
 * adjusted for the number of candidates tested (Benjamini-Hochberg), so a long list of groups is
 * not mostly chance. A pair is kept only when it beats both its single-criterion parents — else it
 * says nothing its parent does not. Groups are ranked by the lower end of their 95 % Wilson
 * interval: a large group with a solid rate ranks above a tiny one with a lucky rate.
 *
 * <p>When the period has no labelled declaration the same search runs on the mean of a risk
 * score (z-test against the period's mean) instead.
 */
public final class GroupFinder {
  private static final int NONE = 15;

  private GroupFinder() {}

  /**
   * Searches a period.
   *
   * @param history declarations of the period and, for the importer segment, of before it
   * @param scores a risk score per declaration, used only when the period has no labels
   * @throws IllegalArgumentException when the period has neither labels nor scores
   */
  public static GroupReport find(List<Declaration> history, GroupQuery query,
      Optional<ToDoubleFunction<Declaration>> scores) {
    List<Dimension> dims = query.dimensions();
    List<Declaration> period = new ArrayList<>();
    Map<String, Long> priorByImporter = new HashMap<>();
    boolean segments = dims.contains(Dimension.IMPORTER_SEGMENT);
    long labelled = 0;
    for (Declaration d : history) {
      if (d.date().isBefore(query.from())) {
        if (segments) {
          priorByImporter.merge(d.importerId(), 1L, Long::sum);
        }
      } else if (!d.date().isAfter(query.to())) {
        period.add(d);
        if (d.outcome().isPresent()) {
          labelled++;
        }
      }
    }
    boolean byFraud = labelled > 0;
    if (!byFraud && scores.isEmpty()) {
      throw new IllegalArgumentException("the period " + query.from() + ".." + query.to()
          + " has no labelled declaration and no risk score was given");
    }
    int n = period.size();
    double[] y = new double[n];
    boolean[] counted = new boolean[n];
    double total = 0;
    double totalSq = 0;
    long totalN = 0;
    for (int i = 0; i < n; i++) {
      Declaration d = period.get(i);
      if (byFraud) {
        counted[i] = d.outcome().isPresent();
        y[i] = d.isFraud() ? 1 : 0;
      } else {
        counted[i] = true;
        y[i] = scores.get().applyAsDouble(d);
      }
      if (counted[i]) {
        totalN++;
        total += y[i];
        totalSq += y[i] * y[i];
      }
    }
    if (totalN == 0) {
      return new GroupReport(query, n, byFraud, 0, 0, List.of());
    }
    double overall = total / totalN;
    double overallSd = Math.sqrt(Math.max(0, totalSq / totalN - overall * overall));

    // Code each dimension's values as small ints so a group key is one long.
    int nd = dims.size();
    int[][] code = new int[nd][n];
    List<List<String>> values = new ArrayList<>();
    for (int a = 0; a < nd; a++) {
      Dimension dim = dims.get(a);
      Map<String, Integer> codes = new HashMap<>();
      List<String> names = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Declaration d = period.get(i);
        String v = dim == Dimension.IMPORTER_SEGMENT
            ? Dimension.segment(priorByImporter.getOrDefault(d.importerId(), 0L))
            : dim.valueOf(d);
        Integer c = codes.get(v);
        if (c == null) {
          c = names.size();
          codes.put(v, c);
          names.add(v);
        }
        code[a][i] = c;
      }
      values.add(names);
    }

    Map<Long, double[]> acc = new HashMap<>();
    for (int i = 0; i < n; i++) {
      if (!counted[i]) {
        continue;
      }
      for (int a = 0; a < nd; a++) {
        add(acc, key(a, code[a][i], NONE, 0), y[i]);
        if (query.maxCriteria() == 2) {
          for (int b = a + 1; b < nd; b++) {
            add(acc, key(a, code[a][i], b, code[b][i]), y[i]);
          }
        }
      }
    }

    List<Long> keys = new ArrayList<>();
    List<double[]> stats = new ArrayList<>();
    for (Map.Entry<Long, double[]> e : acc.entrySet()) {
      double[] s = e.getValue();
      if (s[0] >= query.minSize()) {
        keys.add(e.getKey());
        stats.add(s);
      }
    }
    int tested = keys.size();
    double[] p = new double[tested];
    double[][] ci = new double[tested][];
    for (int g = 0; g < tested; g++) {
      double[] s = stats.get(g);
      long size = (long) s[0];
      double mean = s[1] / size;
      if (byFraud) {
        p[g] = Stats.binomialUpperTail(Math.round(s[1]), size, overall);
        ci[g] = Stats.wilson(Math.round(s[1]), size, Stats.Z95);
      } else {
        double sd = Math.sqrt(Math.max(0, s[2] / size - mean * mean));
        p[g] = overallSd == 0 ? 1 : Stats.normalUpperTail((mean - overall) / (overallSd / Math.sqrt(size)));
        double half = Stats.Z95 * sd / Math.sqrt(size);
        ci[g] = new double[] {mean - half, mean + half};
      }
    }
    double[] q = Stats.benjaminiHochberg(p);

    List<RiskGroup> found = new ArrayList<>();
    List<Long> foundKeys = new ArrayList<>();
    for (int g = 0; g < tested; g++) {
      double[] s = stats.get(g);
      double rate = s[1] / s[0];
      if (q[g] > query.falseDiscoveryRate() || rate <= overall) {
        continue;
      }
      long k = keys.get(g);
      int a = (int) (k >>> 60);
      int b = (int) ((k >>> 56) & 0xF);
      int va = (int) ((k >>> 28) & 0xFFFFFFF);
      int vb = (int) (k & 0xFFFFFFF);
      if (b != NONE) {
        double[] pa = acc.get(key(a, va, NONE, 0));
        double[] pb = acc.get(key(b, vb, NONE, 0));
        // the margin keeps summation rounding from passing a pair off as better than its parent
        double margin = 1e-9 * Math.max(1, Math.abs(rate));
        if (rate <= pa[1] / pa[0] + margin || rate <= pb[1] / pb[0] + margin) {
          continue;
        }
      }
      List<Criterion> criteria = new ArrayList<>();
      criteria.add(new Criterion(dims.get(a), values.get(a).get(va)));
      if (b != NONE) {
        criteria.add(new Criterion(dims.get(b), values.get(b).get(vb)));
      }
      found.add(new RiskGroup(criteria, (long) s[0], rate, overall,
          overall == 0 ? Double.POSITIVE_INFINITY : rate / overall, ci[g][0], ci[g][1], p[g], q[g],
          List.of()));
      foundKeys.add(k);
    }
    Integer[] rank = new Integer[found.size()];
    for (int i = 0; i < rank.length; i++) {
      rank[i] = i;
    }
    java.util.Arrays.sort(rank, Comparator.comparingDouble((Integer i) -> -found.get(i).low())
        .thenComparingLong(i -> -found.get(i).size()).thenComparing(i -> found.get(i).label()));
    List<RiskGroup> top = new ArrayList<>();
    for (int r = 0; r < Math.min(query.limit(), rank.length); r++) {
      RiskGroup g = found.get(rank[r]);
      top.add(withExamples(g, foundKeys.get(rank[r]), period, code, y, counted, query.examples()));
    }
    return new GroupReport(query, n, byFraud, overall, tested, top);
  }

  private static RiskGroup withExamples(RiskGroup g, long k, List<Declaration> period, int[][] code,
      double[] y, boolean[] counted, int examples) {
    int a = (int) (k >>> 60);
    int b = (int) ((k >>> 56) & 0xF);
    int va = (int) ((k >>> 28) & 0xFFFFFFF);
    int vb = (int) (k & 0xFFFFFFF);
    List<Integer> members = new ArrayList<>();
    for (int i = 0; i < period.size(); i++) {
      if (counted[i] && code[a][i] == va && (b == NONE || code[b][i] == vb)) {
        members.add(i);
      }
    }
    // Highest outcome first (frauds, or the highest scores), then file order for determinism.
    members.sort(Comparator.comparingDouble((Integer i) -> -y[i]).thenComparingInt(i -> i));
    List<String> ids = members.stream().limit(examples).map(i -> period.get(i).id()).toList();
    return new RiskGroup(g.criteria(), g.size(), g.rate(), g.overallRate(), g.lift(), g.low(),
        g.high(), g.pValue(), g.qValue(), ids);
  }

  private static long key(int a, int va, int b, int vb) {
    if (va >= (1 << 28) || vb >= (1 << 28)) {
      throw new IllegalArgumentException("too many distinct values in one dimension");
    }
    return ((long) a << 60) | ((long) b << 56) | ((long) va << 28) | vb;
  }

  private static void add(Map<Long, double[]> acc, long key, double y) {
    double[] s = acc.computeIfAbsent(key, x -> new double[3]);
    s[0]++;
    s[1] += y;
    s[2] += y * y;
  }
}
