package org.riskgate.profiles;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.riskgate.core.Declaration;

/**
 * One role's declarations grouped by party and sorted by date, with running sums, so any
 * party's figures as of any date come from two binary searches and a few subtractions.
 *
 * <p>Layout (compressed rows): party {@code p} owns positions {@code offsets[p]..offsets[p+1]} of
 * {@code order} (declaration indices) and {@code days}; {@code cum*[i + 1]} holds a running sum up
 * to position {@code i}, so a party's sum over a range is a difference of two entries (int sums run
 * across parties, double sums restart per party: use {@link #sum}).
 */
final class PartyIndex {
  final PartyRole role;
  final Map<String, Integer> ids;
  final String[] names;
  final int[] offsets;
  final int[] order;
  final int[] days;
  final int[] cumLabelled;
  final int[] cumFrauds;
  final double[] cumValue;
  final double[] cumTax;
  /** Inspections and frauds weighted by exp(λ·(day − day0)); scaled back at query time. */
  final double[] cumDecayLabelled;
  final double[] cumDecayFrauds;

  PartyIndex(PartyRole role, List<Declaration> ds, int[] epochDays, int day0, double lambda) {
    this.role = role;
    int n = ds.size();
    ids = new HashMap<>();
    int[] partyOf = new int[n];
    int[] counts = new int[16];
    for (int i = 0; i < n; i++) {
      String id = role.partyOf(ds.get(i));
      if (id.isEmpty()) {
        partyOf[i] = -1;
        continue;
      }
      Integer p = ids.get(id);
      if (p == null) {
        p = ids.size();
        ids.put(id, p);
        if (p >= counts.length) {
          counts = Arrays.copyOf(counts, counts.length * 2);
        }
      }
      partyOf[i] = p;
      counts[p]++;
    }
    int parties = ids.size();
    names = new String[parties];
    ids.forEach((k, v) -> names[v] = k);
    offsets = new int[parties + 1];
    for (int p = 0; p < parties; p++) {
      offsets[p + 1] = offsets[p] + counts[p];
    }
    int m = offsets[parties];
    // Counting sort by party, taking declarations in date order so each party's run is sorted.
    Integer[] byDate = new Integer[n];
    for (int i = 0; i < n; i++) {
      byDate[i] = i;
    }
    Arrays.sort(byDate, (a, b) -> Integer.compare(epochDays[a], epochDays[b]));
    int[] fill = Arrays.copyOf(offsets, parties);
    order = new int[m];
    for (int i : byDate) {
      int p = partyOf[i];
      if (p >= 0) {
        order[fill[p]++] = i;
      }
    }
    days = new int[m];
    cumLabelled = new int[m + 1];
    cumFrauds = new int[m + 1];
    cumValue = new double[m + 1];
    cumTax = new double[m + 1];
    cumDecayLabelled = new double[m + 1];
    cumDecayFrauds = new double[m + 1];
    int owner = 0;
    for (int k = 0; k < m; k++) {
      while (k >= offsets[owner + 1]) {
        owner++;
      }
      // Double sums restart at each party so a party's figures depend on its own rows only:
      // running across parties would let other parties' (later) values change the rounding.
      boolean first = k == offsets[owner];
      Declaration d = ds.get(order[k]);
      days[k] = epochDays[order[k]];
      boolean labelled = d.outcome().isPresent();
      boolean fraud = d.isFraud();
      double w = Math.exp(lambda * (days[k] - day0));
      cumLabelled[k + 1] = cumLabelled[k] + (labelled ? 1 : 0);
      cumFrauds[k + 1] = cumFrauds[k] + (fraud ? 1 : 0);
      cumValue[k + 1] = (first ? 0 : cumValue[k]) + d.itemPrice();
      cumTax[k + 1] = (first ? 0 : cumTax[k]) + d.taxAtStake();
      cumDecayLabelled[k + 1] = (first ? 0 : cumDecayLabelled[k]) + (labelled ? w : 0);
      cumDecayFrauds[k + 1] = (first ? 0 : cumDecayFrauds[k]) + (fraud ? w : 0);
    }
  }

  /** Sum of a double column over positions {@code [from, to)} of party {@code p}. */
  double sum(double[] cum, int p, int from, int to) {
    int start = offsets[p];
    return (to > start ? cum[to] : 0) - (from > start ? cum[from] : 0);
  }

  /** Party number of an id, or -1. */
  int party(String id) {
    Integer p = ids.get(id);
    return p == null ? -1 : p;
  }

  /** First position in {@code [from, to)} whose day is not before {@code day}. */
  int lowerBound(int from, int to, int day) {
    return lowerBound(days, from, to, day);
  }

  /** First index in {@code [from, to)} of a sorted array whose value is not below {@code day}. */
  static int lowerBound(int[] sorted, int from, int to, int day) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < day) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
