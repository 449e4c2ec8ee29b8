package org.riskgate.profiles.network;

import java.util.Arrays;
import java.util.Random;

/**
 * Louvain community detection (Blondel, Guillaume, Lambiotte, Lefebvre 2008) on weighted
 * adjacency arrays: move single nodes to the neighbouring community that most raises modularity
 * until none does, merge each community into one node, and repeat on the merged graph until a
 * level moves nothing. Unlike label propagation it does not flood a hub-dominated graph into one
 * giant community, which is the shape of trader networks (a few brokers serve thousands).
 *
 * <p>Matrix convention: {@code A} symmetric, row sums {@code k_i} include the diagonal (self
 * loops hold the weight inside merged communities), {@code 2m = Σ k_i}; the gain of moving node
 * {@code i} into community {@code c} is {@code w_ic − tot_c · k_i / 2m}.
 */
final class Louvain {
  private Louvain() {}

  /** Community number per node (0..count-1), from compressed symmetric adjacency without self loops. */
  static int[] communities(int n, int[] start, int[] nbr, double[] weight, long seed) {
    int[] membership = new int[n];
    for (int i = 0; i < n; i++) {
      membership[i] = i;
    }
    Level g = new Level(n, start, nbr, weight, new double[n]);
    Random random = new Random(seed);
    for (int level = 0; level < 20; level++) {
      int[] community = g.moveNodes(random);
      int count = renumber(community);
      if (count == g.n) {
        break;
      }
      for (int i = 0; i < n; i++) {
        membership[i] = community[membership[i]];
      }
      g = g.merge(community, count);
    }
    renumber(membership);
    return membership;
  }

  /** Renumbers labels to 0..count-1 in order of first appearance; returns count. */
  private static int renumber(int[] labels) {
    int[] map = new int[labels.length];
    Arrays.fill(map, -1);
    int next = 0;
    for (int i = 0; i < labels.length; i++) {
      int l = labels[i];
      if (map[l] < 0) {
        map[l] = next++;
      }
      labels[i] = map[l];
    }
    return next;
  }

  /** One level's graph. */
  private static final class Level {
    final int n;
    final int[] start;
    final int[] nbr;
    final double[] weight;
    final double[] self;
    final double[] k;
    final double twoM;

    Level(int n, int[] start, int[] nbr, double[] weight, double[] self) {
      this.n = n;
      this.start = start;
      this.nbr = nbr;
      this.weight = weight;
      this.self = self;
      this.k = new double[n];
      double total = 0;
      for (int i = 0; i < n; i++) {
        double s = self[i];
        for (int e = start[i]; e < start[i + 1]; e++) {
          s += weight[e];
        }
        k[i] = s;
        total += s;
      }
      this.twoM = total;
    }

    int[] moveNodes(Random random) {
      int[] community = new int[n];
      double[] tot = new double[n];
      for (int i = 0; i < n; i++) {
        community[i] = i;
        tot[i] = k[i];
      }
      if (twoM == 0) {
        return community;
      }
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      double[] toCommunity = new double[n];
      int[] touched = new int[n];
      for (int pass = 0; pass < 20; pass++) {
        int moved = 0;
        for (int i : order) {
          int own = community[i];
          int nt = 0;
          for (int e = start[i]; e < start[i + 1]; e++) {
            int c = community[nbr[e]];
            if (toCommunity[c] == 0) {
              touched[nt++] = c;
            }
            toCommunity[c] += weight[e];
          }
          tot[own] -= k[i];
          double ratio = k[i] / twoM;
          int best = own;
          double bestGain = toCommunity[own] - tot[own] * ratio;
          for (int t = 0; t < nt; t++) {
            int c = touched[t];
            double gain = toCommunity[c] - tot[c] * ratio;
            if (gain > bestGain + 1e-12 || (Math.abs(gain - bestGain) <= 1e-12 && c < best && best != own)) {
              best = c;
              bestGain = gain;
            }
          }
          for (int t = 0; t < nt; t++) {
            toCommunity[touched[t]] = 0;
          }
          tot[best] += k[i];
          if (best != own) {
            community[i] = best;
            moved++;
          }
        }
        if (moved == 0) {
          break;
        }
      }
      return community;
    }

    Level merge(int[] community, int count) {
      double[] newSelf = new double[count];
      LongDoubleMap links = new LongDoubleMap(nbr.length / 2 + 16);
      for (int i = 0; i < n; i++) {
        int ci = community[i];
        newSelf[ci] += self[i];
        for (int e = start[i]; e < start[i + 1]; e++) {
          int cj = community[nbr[e]];
          if (ci == cj) {
            newSelf[ci] += weight[e];
          } else {
            links.add(((long) ci << 32) | cj, weight[e]);
          }
        }
      }
      int[] degree = new int[count];
      links.forEach((key, w) -> degree[(int) (key >>> 32)]++);
      int[] newStart = new int[count + 1];
      for (int c = 0; c < count; c++) {
        newStart[c + 1] = newStart[c] + degree[c];
      }
      int[] newNbr = new int[newStart[count]];
      double[] newWeight = new double[newStart[count]];
      int[] fill = Arrays.copyOf(newStart, count);
      links.forEach((key, w) -> {
        int a = (int) (key >>> 32);
        newNbr[fill[a]] = (int) key;
        newWeight[fill[a]++] = w;
      });
      return new Level(count, newStart, newNbr, newWeight, newSelf);
    }
  }
}
