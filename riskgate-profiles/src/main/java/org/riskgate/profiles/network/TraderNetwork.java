package org.riskgate.profiles.network;

import java.io.IOException;
import java.io.Serializable;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.clustering.LabelPropagationClustering;
import org.jgrapht.graph.AbstractBaseGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DefaultGraphSpecificsStrategy;
import org.jgrapht.graph.DefaultGraphType;
import org.riskgate.core.Declaration;
import org.riskgate.profiles.PartyRole;

/**
 * The network of parties as of a date, from the declarations dated strictly before it.
 *
 * <p>Each declaration links its importer to its declarant, seller and courier, and its declarant
 * to its courier; a link's weight is the sum over the declarations behind it of {@code
 * 2^(−age / halfLife)}. Risk is spread by a personalised PageRank whose restart vector is the
 * parties' time-decayed confirmed frauds, so risk flows from where fraud was found to the parties
 * trading with them. Immutable once built.
 */
public final class TraderNetwork implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final PartyRole[] ROLES = PartyRole.values();
  /** The role pairs that make links: importer with the others, and declarant with courier. */
  public static final List<List<PartyRole>> LINKS = List.of(
      List.of(PartyRole.IMPORTER, PartyRole.DECLARANT), List.of(PartyRole.IMPORTER, PartyRole.SELLER),
      List.of(PartyRole.IMPORTER, PartyRole.COURIER), List.of(PartyRole.DECLARANT, PartyRole.COURIER));

  private final LocalDate asOf;
  private final NetworkConfig config;
  private final double baseRate;
  private final Map<String, Integer> nodeIds = new HashMap<>();
  private final int[] nodeRole;
  private final String[] nodeParty;
  private final long[] inspected;
  private final long[] frauds;
  private final int[] firstSeen;
  // Compressed adjacency, both directions.
  private final int[] adjStart;
  private final int[] adjNode;
  private final double[] adjWeight;
  private final double[] strength;
  private final double[] risk;
  private final double[] neighbourRate;
  private final int[] community;
  private final int[] communitySize;
  private final double[] communityRate;
  private final int edges;
  /** Ring indicator per declarant node, computed once (hub declarants have thousands of links). */
  private final Map<Integer, RingIndicator> ringCache = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * What a network is made of, summed from the declarations before its date: the parties in order
   * of first appearance (role, id, first day, inspections, frauds, time-decayed frauds), the links
   * between them as {@code (a << 32) | b} with {@code a < b}, with their decayed weights (sorted by
   * key here, in whatever order they were summed),
   * and all inspections and frauds. Every figure is a sum, minimum or first appearance, so it can be
   * aggregated anywhere (Spark does, {@code SparkNetwork}); {@link #of} builds the network from it.
   */
  public record Parts(int[] nodeRole, String[] nodeParty, int[] firstSeen, long[] inspected, long[] frauds,
      double[] seed, long[] linkKeys, double[] linkWeights, long labelled, long fraudsFound) implements Serializable {
    private static final long serialVersionUID = 1L;

    public Parts {
      int n = nodeRole.length;
      if (nodeParty.length != n || firstSeen.length != n || inspected.length != n || frauds.length != n
          || seed.length != n || linkKeys.length != linkWeights.length) {
        throw new IllegalArgumentException("network parts of unequal lengths");
      }
      // sorted links make the adjacency, and so the communities, independent of the order the sums came in
      Integer[] order = new Integer[linkKeys.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      long[] keys = linkKeys;
      Arrays.sort(order, Comparator.comparingLong(i -> keys[i]));
      long[] sortedKeys = new long[keys.length];
      double[] sortedWeights = new double[keys.length];
      for (int i = 0; i < order.length; i++) {
        sortedKeys[i] = keys[order[i]];
        sortedWeights[i] = linkWeights[order[i]];
        if (i > 0 && sortedKeys[i] == sortedKeys[i - 1]) {
          throw new IllegalArgumentException("network links must be distinct");
        }
      }
      linkKeys = sortedKeys;
      linkWeights = sortedWeights;
    }

    /** The link key of parties {@code a} and {@code b} (in either order). */
    public static long link(int a, int b) {
      return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }
  }

  /** The parts of the network as of {@code asOf} from the declarations before it, in history order. */
  public static Parts parts(List<Declaration> history, LocalDate asOf, NetworkConfig config) {
    int t = (int) asOf.toEpochDay();
    double lambda = Math.log(2) / config.halfLifeDays();
    Map<String, Integer> ids = new HashMap<>();
    List<Integer> rolesOf = new ArrayList<>();
    List<String> partiesOf = new ArrayList<>();
    long[] insp = new long[1024];
    long[] fr = new long[1024];
    double[] seed = new double[1024];
    int[] first = new int[1024];
    LongDoubleMap links = new LongDoubleMap(history.size());
    long labelledAll = 0;
    long fraudsAll = 0;
    int[] node = new int[ROLES.length];
    for (Declaration d : history) {
      int day = (int) d.date().toEpochDay();
      if (day >= t) {
        continue;
      }
      boolean labelled = d.outcome().isPresent();
      boolean fraud = d.isFraud();
      double w = Math.exp(-lambda * (t - day));
      labelledAll += labelled ? 1 : 0;
      fraudsAll += fraud ? 1 : 0;
      for (PartyRole r : ROLES) {
        String id = r.partyOf(d);
        if (id.isEmpty()) {
          node[r.ordinal()] = -1;
          continue;
        }
        String key = r.ordinal() + id;
        Integer n = ids.get(key);
        if (n == null) {
          n = ids.size();
          ids.put(key, n);
          rolesOf.add(r.ordinal());
          partiesOf.add(id);
          if (n >= insp.length) {
            int cap = insp.length * 2;
            insp = Arrays.copyOf(insp, cap);
            fr = Arrays.copyOf(fr, cap);
            seed = Arrays.copyOf(seed, cap);
            first = Arrays.copyOf(first, cap);
          }
          first[n] = day;
        }
        first[n] = Math.min(first[n], day);
        insp[n] += labelled ? 1 : 0;
        fr[n] += fraud ? 1 : 0;
        seed[n] += fraud ? w : 0;
        node[r.ordinal()] = n;
      }
      for (List<PartyRole> pair : LINKS) {
        int a = node[pair.get(0).ordinal()];
        int b = node[pair.get(1).ordinal()];
        if (a >= 0 && b >= 0) {
          links.add(Parts.link(a, b), w);
        }
      }
    }
    int n = ids.size();
    long[] keys = new long[links.size()];
    double[] weights = new double[links.size()];
    int[] at = {0};
    links.forEach((k, v) -> {
      keys[at[0]] = k;
      weights[at[0]++] = v;
    });
    return new Parts(rolesOf.stream().mapToInt(Integer::intValue).toArray(), partiesOf.toArray(String[]::new),
        Arrays.copyOf(first, n), Arrays.copyOf(insp, n), Arrays.copyOf(fr, n), Arrays.copyOf(seed, n),
        keys, weights, labelledAll, fraudsAll);
  }

  private TraderNetwork(Parts parts, LocalDate asOf, NetworkConfig config) {
    this.asOf = asOf;
    this.config = config;
    int n = parts.nodeRole().length;
    for (int i = 0; i < n; i++) {
      nodeIds.put(parts.nodeRole()[i] + parts.nodeParty()[i], i);
    }
    this.baseRate = parts.labelled() == 0 ? 0 : parts.fraudsFound() / (double) parts.labelled();
    this.nodeRole = parts.nodeRole().clone();
    this.nodeParty = parts.nodeParty().clone();
    this.inspected = parts.inspected().clone();
    this.frauds = parts.frauds().clone();
    this.firstSeen = parts.firstSeen().clone();
    this.edges = parts.linkKeys().length;
    long[] linkKeys = parts.linkKeys();
    double[] linkWeights = parts.linkWeights();
    double[] seed = parts.seed();

    int[] degree = new int[n];
    for (long k : linkKeys) {
      degree[(int) (k >>> 32)]++;
      degree[(int) k]++;
    }
    adjStart = new int[n + 1];
    for (int i = 0; i < n; i++) {
      adjStart[i + 1] = adjStart[i] + degree[i];
    }
    adjNode = new int[adjStart[n]];
    adjWeight = new double[adjStart[n]];
    int[] fill = Arrays.copyOf(adjStart, n);
    for (int l = 0; l < linkKeys.length; l++) {
      int a = (int) (linkKeys[l] >>> 32);
      int b = (int) linkKeys[l];
      adjNode[fill[a]] = b;
      adjWeight[fill[a]++] = linkWeights[l];
      adjNode[fill[b]] = a;
      adjWeight[fill[b]++] = linkWeights[l];
    }
    strength = new double[n];
    double totalStrength = 0;
    for (int i = 0; i < n; i++) {
      for (int e = adjStart[i]; e < adjStart[i + 1]; e++) {
        strength[i] += adjWeight[e];
      }
      totalStrength += strength[i];
    }
    risk = pagerank(Arrays.copyOf(seed, n), totalStrength);
    neighbourRate = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int e = adjStart[i]; e < adjStart[i + 1]; e++) {
        sum += adjWeight[e] * shrunk(frauds[adjNode[e]], inspected[adjNode[e]]);
      }
      neighbourRate[i] = strength[i] > 0 ? sum / strength[i] : baseRate;
    }
    community = new int[n];
    Arrays.fill(community, -1);
    List<Integer> sizes = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    if (config.communities() != NetworkConfig.Communities.NONE && n > 0) {
      List<Set<Integer>> clusters = switch (config.communities()) {
        case JGRAPHT -> jgraphtCommunities(n);
        case LABEL_PROPAGATION -> labelPropagation(n);
        case LOUVAIN -> groups(Louvain.communities(n, adjStart, adjNode, adjWeight, config.seed()));
        case NONE -> throw new IllegalStateException("unreachable");
      };
      for (Set<Integer> c : clusters) {
        long ci = 0;
        long cf = 0;
        for (int v : c) {
          community[v] = sizes.size();
          ci += inspected[v];
          cf += frauds[v];
        }
        sizes.add(c.size());
        rates.add(shrunk(cf, ci));
      }
    }
    communitySize = sizes.stream().mapToInt(Integer::intValue).toArray();
    communityRate = rates.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Builds the network as of a date from a history (declarations on or after it are ignored). */
  public static TraderNetwork build(List<Declaration> history, LocalDate asOf, NetworkConfig config) {
    return of(parts(history, asOf, config), asOf, config);
  }

  /** Builds the network as of a date from its parts, however they were summed. */
  public static TraderNetwork of(Parts parts, LocalDate asOf, NetworkConfig config) {
    return new TraderNetwork(parts, asOf, config);
  }

  private double[] pagerank(double[] seed, double totalStrength) {
    int n = seed.length;
    double seedSum = Arrays.stream(seed).sum();
    double[] r = new double[n];
    if (seedSum == 0) {
      return r;
    }
    for (int i = 0; i < n; i++) {
      seed[i] /= seedSum;
    }
    double a = config.restart();
    double[] next = new double[n];
    System.arraycopy(seed, 0, r, 0, n);
    for (int it = 0; it < config.iterations(); it++) {
      double dangling = 0;
      for (int i = 0; i < n; i++) {
        if (strength[i] == 0) {
          dangling += r[i];
        }
      }
      for (int i = 0; i < n; i++) {
        next[i] = (a + (1 - a) * dangling) * seed[i];
      }
      for (int i = 0; i < n; i++) {
        if (strength[i] == 0 || r[i] == 0) {
          continue;
        }
        double share = (1 - a) * r[i] / strength[i];
        for (int e = adjStart[i]; e < adjStart[i + 1]; e++) {
          next[adjNode[e]] += share * adjWeight[e];
        }
      }
      double[] swap = r;
      r = next;
      next = swap;
    }
    // Relative to a plain random walk, whose stationary share of a node is its link strength over
    // the total: 1 means as close to fraud as its size alone makes it.
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = strength[i] > 0 ? r[i] / (strength[i] / totalStrength) : 0;
    }
    return out;
  }

  /**
   * Weighted label propagation (Raghavan, Albert, Kumara 2007) on the adjacency arrays: each
   * party in turn, in a seeded random order, takes the label carrying the most link weight among
   * its neighbours, until no label changes or 20 rounds have passed. Ties keep the current label,
   * else take the smallest, so runs repeat exactly.
   */
  private List<Set<Integer>> labelPropagation(int n) {
    int[] label = new int[n];
    for (int i = 0; i < n; i++) {
      label[i] = i;
    }
    int[] order = label.clone();
    double[] acc = new double[n];
    int[] touched = new int[n];
    Random random = new Random(config.seed());
    for (int round = 0; round < 20; round++) {
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      int changed = 0;
      for (int v : order) {
        int from = adjStart[v];
        int to = adjStart[v + 1];
        if (from == to) {
          continue;
        }
        int nt = 0;
        for (int e = from; e < to; e++) {
          int l = label[adjNode[e]];
          if (acc[l] == 0) {
            touched[nt++] = l;
          }
          acc[l] += adjWeight[e];
        }
        int best = label[v];
        double bestWeight = acc[best];
        for (int k = 0; k < nt; k++) {
          int l = touched[k];
          if (acc[l] > bestWeight || (acc[l] == bestWeight && l < best && acc[label[v]] < bestWeight)) {
            best = l;
            bestWeight = acc[l];
          }
        }
        for (int k = 0; k < nt; k++) {
          acc[touched[k]] = 0;
        }
        if (best != label[v]) {
          label[v] = best;
          changed++;
        }
      }
      if (changed == 0) {
        break;
      }
    }
    return groups(label);
  }

  private static List<Set<Integer>> groups(int[] label) {
    Map<Integer, Set<Integer>> groups = new LinkedHashMap<>();
    for (int v = 0; v < label.length; v++) {
      groups.computeIfAbsent(label[v], k -> new java.util.HashSet<>()).add(v);
    }
    return new ArrayList<>(groups.values());
  }

  private List<Set<Integer>> jgraphtCommunities(int n) {
    // An unweighted multigraph view is all label propagation needs; the default (non fast-lookup)
    // specifics keep memory near the edge count on graphs of millions of links.
    Graph<Integer, DefaultEdge> g = new AbstractBaseGraph<>(null, DefaultEdge::new,
        new DefaultGraphType.Builder().undirected().allowMultipleEdges(true)
            .allowSelfLoops(false).weighted(false).build(),
        new DefaultGraphSpecificsStrategy<>()) {
      private static final long serialVersionUID = 1L;
    };
    for (int i = 0; i < n; i++) {
      g.addVertex(i);
    }
    for (int i = 0; i < n; i++) {
      for (int e = adjStart[i]; e < adjStart[i + 1]; e++) {
        if (adjNode[e] > i) {
          g.addEdge(i, adjNode[e]);
        }
      }
    }
    return new LabelPropagationClustering<>(g, 20, new Random(config.seed()))
        .getClustering().getClusters();
  }

  private double shrunk(long f, long insp) {
    return (f + config.priorStrength() * baseRate) / (insp + config.priorStrength());
  }

  /** The date the network stands at. */
  public LocalDate asOf() {
    return asOf;
  }

  /** Parties in the network. */
  public int nodeCount() {
    return nodeRole.length;
  }

  /** Distinct links between parties. */
  public int edgeCount() {
    return edges;
  }

  /** Communities found (0 when they were not computed). */
  public int communityCount() {
    return communitySize.length;
  }

  /** The largest community's share of all parties (0 when communities were not computed). */
  public double largestCommunityShare() {
    int max = 0;
    for (int size : communitySize) {
      max = Math.max(max, size);
    }
    return nodeCount() == 0 ? 0 : max / (double) nodeCount();
  }

  /** The fraud rate of all inspections before the date. */
  public double baseRate() {
    return baseRate;
  }

  /** A party's place in the network; empty when it had no declaration before the date. */
  public Optional<PartyNode> node(PartyRole role, String partyId) {
    Integer i = nodeIds.get(role.ordinal() + partyId);
    return i == null ? Optional.empty() : Optional.of(node(i));
  }

  private PartyNode node(int i) {
    int c = community[i];
    return new PartyNode(ROLES[nodeRole[i]], nodeParty[i], adjStart[i + 1] - adjStart[i],
        inspected[i], frauds[i], risk[i], neighbourRate[i], c, c < 0 ? 0 : communitySize[c],
        c < 0 ? baseRate : communityRate[c]);
  }

  /**
   * The parties within {@code hops} links of a party, at most {@code limit} of them with the
   * party itself. Each hop ranks the links leaving the parties already taken by weight and takes
   * the strongest, so a hub declarant with thousands of importers shows its regular ones.
   *
   * @throws IllegalArgumentException when {@code hops} is not 1 to 3 or {@code limit} below 1
   */
  public Optional<Neighbourhood> around(PartyRole role, String partyId, int hops, int limit) {
    if (hops < 1 || hops > 3 || limit < 1) {
      throw new IllegalArgumentException("hops must be 1 to 3 and limit positive: " + hops + ", " + limit);
    }
    Integer centre = nodeIds.get(role.ordinal() + partyId);
    if (centre == null) {
      return Optional.empty();
    }
    Map<Integer, Integer> position = new LinkedHashMap<>();
    position.put(centre, 0);
    List<Integer> frontier = List.of(centre);
    int hidden = 0;
    for (int hop = 0; hop < hops && !frontier.isEmpty(); hop++) {
      Map<Integer, Double> reach = new HashMap<>();
      for (int v : frontier) {
        for (int e = adjStart[v]; e < adjStart[v + 1]; e++) {
          if (!position.containsKey(adjNode[e])) {
            reach.merge(adjNode[e], adjWeight[e], Math::max);
          }
        }
      }
      List<Integer> next = new ArrayList<>(reach.keySet());
      next.sort(Comparator.comparingDouble((Integer v) -> -reach.get(v)).thenComparingInt(v -> v));
      int room = Math.max(0, limit - position.size());
      hidden += Math.max(0, next.size() - room);
      next = next.subList(0, Math.min(room, next.size()));
      for (int v : next) {
        position.put(v, position.size());
      }
      frontier = next;
    }
    List<PartyNode> nodes = position.keySet().stream().map(this::node).toList();
    List<Neighbourhood.Link> shown = new ArrayList<>();
    List<RingIndicator> rings = new ArrayList<>();
    for (var p : position.entrySet()) {
      int v = p.getKey();
      for (int e = adjStart[v]; e < adjStart[v + 1]; e++) {
        Integer other = position.get(adjNode[e]);
        if (other != null && adjNode[e] > v) {
          shown.add(new Neighbourhood.Link(p.getValue(), other, adjWeight[e]));
        }
      }
      if (ROLES[nodeRole[v]] == PartyRole.DECLARANT) {
        RingIndicator r = ringCache.computeIfAbsent(v, this::ring);
        if (r.newImporters() > 0) {
          rings.add(r);
        }
      }
    }
    rings.sort(Comparator.comparingDouble(RingIndicator::lowerBound).reversed()
        .thenComparing(RingIndicator::declarantId));
    return Optional.of(new Neighbourhood(asOf, baseRate, nodes, shown, rings, hidden));
  }

  /**
   * The parties closest to fraud, by PageRank risk, among those with at least {@code minLinks}
   * links (a party with one link to one fraud tops any list; analysts want the connected ones).
   */
  public List<PartyNode> topRisk(int limit, int minLinks) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < nodeCount(); i++) {
      if (adjStart[i + 1] - adjStart[i] >= minLinks) {
        order.add(i);
      }
    }
    order.sort(Comparator.comparingDouble((Integer i) -> -risk[i]).thenComparingInt(i -> i));
    return order.stream().limit(limit).map(this::node).toList();
  }

  /**
   * Declarants serving at least {@code minNewImporters} new importers, ranked by the lower end of
   * the new importers' hit-rate interval.
   */
  public List<RingIndicator> rings(int minNewImporters, int limit) {
    List<RingIndicator> out = new ArrayList<>();
    for (int i = 0; i < nodeCount(); i++) {
      if (ROLES[nodeRole[i]] == PartyRole.DECLARANT) {
        RingIndicator r = ringCache.computeIfAbsent(i, this::ring);
        if (r.newImporters() >= minNewImporters) {
          out.add(r);
        }
      }
    }
    out.sort(Comparator.comparingDouble(RingIndicator::lowerBound).reversed()
        .thenComparing(RingIndicator::declarantId));
    return out.subList(0, Math.min(limit, out.size()));
  }

  private RingIndicator ring(int declarant) {
    int t = (int) asOf.toEpochDay();
    int importers = 0;
    int fresh = 0;
    long ni = 0;
    long nf = 0;
    for (int e = adjStart[declarant]; e < adjStart[declarant + 1]; e++) {
      int v = adjNode[e];
      if (ROLES[nodeRole[v]] != PartyRole.IMPORTER) {
        continue;
      }
      importers++;
      if (firstSeen[v] >= t - config.ringWindowDays()) {
        fresh++;
        ni += inspected[v];
        nf += frauds[v];
      }
    }
    double low = 0;
    if (ni > 0) {
      double p = nf / (double) ni;
      double z = 1.959963984540054;
      double denom = 1 + z * z / ni;
      double centre = (p + z * z / (2.0 * ni)) / denom;
      low = Math.max(0, centre - z * Math.sqrt(p * (1 - p) / ni + z * z / (4.0 * ni * ni)) / denom);
    }
    return new RingIndicator(nodeParty[declarant], importers, fresh, ni, nf, shrunk(nf, ni), low);
  }

  /**
   * A declaration's network features as of this network's date; names are {@link
   * NetworkFeatures#NAMES}. Parties absent from the network get neutral values (no PageRank
   * risk, the base rate for rates).
   */
  public Map<String, Double> features(Declaration d) {
    Map<String, Double> out = new LinkedHashMap<>();
    int[] ix = new int[ROLES.length];
    for (PartyRole r : ROLES) {
      String id = r.partyOf(d);
      Integer i = id.isEmpty() ? null : nodeIds.get(r.ordinal() + id);
      ix[r.ordinal()] = i == null ? -1 : i;
    }
    int imp = ix[PartyRole.IMPORTER.ordinal()];
    int dec = ix[PartyRole.DECLARANT.ordinal()];
    for (PartyRole r : ROLES) {
      int i = ix[r.ordinal()];
      out.put("net." + r.key() + "_pagerank_risk", i < 0 ? 0.0 : Math.log1p(risk[i]));
    }
    out.put("net.importer_neighbour_hit_rate", imp < 0 ? baseRate : neighbourRate[imp]);
    out.put("net.declarant_neighbour_hit_rate", dec < 0 ? baseRate : neighbourRate[dec]);
    out.put("net.importer_community_fraud_rate", communityRate(imp));
    out.put("net.declarant_community_fraud_rate", communityRate(dec));
    out.put("net.importer_community_size",
        imp < 0 || community[imp] < 0 ? 0.0 : Math.log1p(communitySize[community[imp]]));
    out.put("net.importer_degree", imp < 0 ? 0.0 : Math.log1p(adjStart[imp + 1] - adjStart[imp]));
    if (dec < 0) {
      out.put("net.declarant_new_importers", 0.0);
      out.put("net.declarant_new_importer_hit_rate", baseRate);
    } else {
      RingIndicator r = ringCache.computeIfAbsent(dec, this::ring);
      out.put("net.declarant_new_importers", (double) r.newImporters());
      out.put("net.declarant_new_importer_hit_rate", r.newHitRate());
    }
    return out;
  }

  private double communityRate(int i) {
    return i < 0 || community[i] < 0 ? baseRate : communityRate[community[i]];
  }

  /** Writes the network as GraphML (nodes with role, counts and risk; links with weight). */
  public void writeGraphMl(Writer w) throws IOException {
    w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    w.write("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
    w.write("  <key id=\"role\" for=\"node\" attr.name=\"role\" attr.type=\"string\"/>\n");
    w.write("  <key id=\"party\" for=\"node\" attr.name=\"party\" attr.type=\"string\"/>\n");
    w.write("  <key id=\"inspected\" for=\"node\" attr.name=\"inspected\" attr.type=\"long\"/>\n");
    w.write("  <key id=\"frauds\" for=\"node\" attr.name=\"frauds\" attr.type=\"long\"/>\n");
    w.write("  <key id=\"risk\" for=\"node\" attr.name=\"pagerank_risk\" attr.type=\"double\"/>\n");
    w.write("  <key id=\"community\" for=\"node\" attr.name=\"community\" attr.type=\"int\"/>\n");
    w.write("  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n");
    w.write("  <graph id=\"traders-" + asOf + "\" edgedefault=\"undirected\">\n");
    for (int i = 0; i < nodeCount(); i++) {
      w.write("    <node id=\"n" + i + "\"><data key=\"role\">" + ROLES[nodeRole[i]].key()
          + "</data><data key=\"party\">" + xml(nodeParty[i]) + "</data><data key=\"inspected\">"
          + inspected[i] + "</data><data key=\"frauds\">" + frauds[i]
          + "</data><data key=\"risk\">" + risk[i] + "</data><data key=\"community\">"
          + community[i] + "</data></node>\n");
    }
    for (int i = 0; i < nodeCount(); i++) {
      for (int e = adjStart[i]; e < adjStart[i + 1]; e++) {
        if (adjNode[e] > i) {
          w.write("    <edge source=\"n" + i + "\" target=\"n" + adjNode[e]
              + "\"><data key=\"weight\">" + adjWeight[e] + "</data></edge>\n");
        }
      }
    }
    w.write("  </graph>\n</graphml>\n");
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
