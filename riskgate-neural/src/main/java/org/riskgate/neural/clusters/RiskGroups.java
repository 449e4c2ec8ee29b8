package org.riskgate.neural.clusters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Clusters as groups to watch: how many declarations (or parties) each holds, how many of their
 * inspections found fraud, and what sets the cluster apart (its centre's largest coordinates, in
 * standard deviations of the space's numbers). Sorted by fraud rate, highest first.
 */
public final class RiskGroups {
  private RiskGroups() {}

  /**
   * A cluster as a group.
   *
   * @param members declarations or parties in it
   * @param declarations their declarations (equal to {@code members} for declaration clusters)
   * @param frauds declarations among those where an inspection found fraud
   * @param profile the centre's three largest coordinates, e.g. "log_tax_at_stake +2.1 sd"
   */
  public record Group(int cluster, int members, long declarations, long frauds, String profile) {
    public double fraudRate() {
      return declarations == 0 ? 0 : (double) frauds / declarations;
    }
  }

  /**
   * @param assigned each member's cluster
   * @param declarations each member's declarations
   * @param frauds each member's frauds among them
   * @param names the space's dimensions
   */
  public static List<Group> of(KMeansClusters clusters, int[] assigned, long[] declarations, long[] frauds,
      List<String> names) {
    int k = clusters.k();
    int[] members = new int[k];
    long[] decl = new long[k];
    long[] fraud = new long[k];
    for (int i = 0; i < assigned.length; i++) {
      members[assigned[i]]++;
      decl[assigned[i]] += declarations[i];
      fraud[assigned[i]] += frauds[i];
    }
    List<Group> out = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      out.add(new Group(c, members[c], decl[c], fraud[c], profile(clusters.centre(c), names)));
    }
    out.sort(Comparator.comparingDouble(Group::fraudRate).reversed().thenComparingInt(Group::cluster));
    return out;
  }

  private static String profile(float[] centre, List<String> names) {
    Integer[] order = new Integer[centre.length];
    for (int j = 0; j < order.length; j++) {
      order[j] = j;
    }
    java.util.Arrays.sort(order, Comparator.comparingDouble(j -> -Math.abs(centre[j])));
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < Math.min(3, order.length); i++) {
      parts.add(String.format(Locale.ROOT, "%s %+.1f sd", names.get(order[i]), centre[order[i]]));
    }
    return String.join(", ", parts);
  }
}
