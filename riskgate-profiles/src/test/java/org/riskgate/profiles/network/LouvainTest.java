package org.riskgate.profiles.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.riskgate.core.Declaration;
import org.riskgate.profiles.Fixtures;

class LouvainTest {

  /** Compressed adjacency of an undirected edge list (each pair once). */
  static int[][] csr(int n, int[][] edges) {
    int[] deg = new int[n];
    for (int[] e : edges) {
      deg[e[0]]++;
      deg[e[1]]++;
    }
    int[] start = new int[n + 1];
    for (int i = 0; i < n; i++) {
      start[i + 1] = start[i] + deg[i];
    }
    int[] nbr = new int[start[n]];
    int[] fill = Arrays.copyOf(start, n);
    for (int[] e : edges) {
      nbr[fill[e[0]]++] = e[1];
      nbr[fill[e[1]]++] = e[0];
    }
    return new int[][] {start, nbr};
  }

  @Test
  void aRingOfCliquesSplitsIntoItsCliques() {
    // six 5-cliques, each joined to the next by one edge: the textbook modularity example
    int cliques = 6;
    int size = 5;
    List<int[]> edges = new java.util.ArrayList<>();
    for (int c = 0; c < cliques; c++) {
      for (int a = 0; a < size; a++) {
        for (int b = a + 1; b < size; b++) {
          edges.add(new int[] {c * size + a, c * size + b});
        }
      }
      edges.add(new int[] {c * size, ((c + 1) % cliques) * size + 1});
    }
    int n = cliques * size;
    int[][] g = csr(n, edges.toArray(int[][]::new));
    double[] w = new double[g[1].length];
    Arrays.fill(w, 1);
    int[] community = Louvain.communities(n, g[0], g[1], w, 1);
    for (int c = 0; c < cliques; c++) {
      for (int a = 1; a < size; a++) {
        assertThat(community[c * size + a]).isEqualTo(community[c * size]);
      }
      assertThat(community[c * size]).isNotEqualTo(community[((c + 1) % cliques) * size]);
    }
    assertThat(Arrays.stream(community).max().getAsInt()).isEqualTo(cliques - 1);
  }

  @Test
  void weightsDecide() {
    // a path 0-1-2-3 whose middle link is weak splits in the middle
    int[][] g = csr(4, new int[][] {{0, 1}, {1, 2}, {2, 3}});
    double[] w = new double[g[1].length];
    for (int i = 0; i < 4; i++) {
      for (int e = g[0][i]; e < g[0][i + 1]; e++) {
        int j = g[1][e];
        w[e] = (Math.min(i, j) == 1) ? 0.1 : 10;
      }
    }
    int[] c = Louvain.communities(4, g[0], g[1], w, 3);
    assertThat(c[0]).isEqualTo(c[1]).isNotEqualTo(c[2]);
    assertThat(c[2]).isEqualTo(c[3]);
  }

  @Test
  void onThePublicNetworkNoCommunityFloodsTheGraph() {
    List<Declaration> year = Fixtures.publicFile("df_syn_train_eng.csv");
    LocalDate asOf = LocalDate.of(2021, 1, 1);
    TraderNetwork louvain = TraderNetwork.build(year, asOf, NetworkConfig.defaults());
    TraderNetwork lpa = TraderNetwork.build(year, asOf, new NetworkConfig(180, 0.15, 30, 90, 10,
        NetworkConfig.Communities.LABEL_PROPAGATION, 42));
    assertThat(largestShare(louvain)).isLessThan(0.2);
    // label propagation lets the hub brokers' label take most of the graph
    assertThat(largestShare(lpa)).isGreaterThan(0.5);
  }

  private static double largestShare(TraderNetwork net) {
    return net.largestCommunityShare();
  }
}
