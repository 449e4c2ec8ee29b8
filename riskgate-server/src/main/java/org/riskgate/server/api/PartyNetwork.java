package org.riskgate.server.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.riskgate.profiles.PartyRole;
import org.riskgate.profiles.network.Neighbourhood;
import org.riskgate.profiles.network.PartyNode;
import org.riskgate.profiles.network.RingIndicator;

/**
 * The trader network around a party, as the API answers it and the profile page draws it.
 *
 * @param asOf the network's date (declarations strictly before it)
 * @param baseRate the fraud rate of all inspections before that date
 * @param nodes the parties shown, the centre first
 * @param links links among them, by position in {@code nodes}
 * @param communities the communities of the parties shown, riskiest first
 * @param rings ring indicators of the declarants shown, most suspicious first
 * @param hidden parties reached but left out by the limit
 */
public record PartyNetwork(LocalDate asOf, double baseRate, List<Node> nodes, List<Neighbourhood.Link> links,
    List<Community> communities, List<RingIndicator> rings, int hidden) {
  /**
   * New importers a declarant must serve for its ring indicator to mark it as a ring: the
   * {@code riskgate network} command's default.
   */
  public static final int RING_MIN_NEW_IMPORTERS = 5;
  /** Most hops from the centre a client may ask for. */
  public static final int MAX_HOPS = 3;
  /** Most parties a client may ask for. */
  public static final int MAX_NODES = 200;

  public PartyNetwork {
    nodes = List.copyOf(nodes);
    links = List.copyOf(links);
    communities = List.copyOf(communities);
    rings = List.copyOf(rings);
  }

  /**
   * One party.
   *
   * @param role {@code importer}, {@code declarant}, {@code seller} or {@code courier}
   * @param hitRate frauds per inspection, unshrunk; 0 when never inspected
   * @param community its community's number, -1 when none was computed
   * @param ring a declarant whose ring indicator has at least {@link #RING_MIN_NEW_IMPORTERS}
   *     new importers
   */
  public record Node(String role, String id, int degree, long inspected, long frauds, double hitRate,
      double pagerankRisk, double neighbourHitRate, int community, int communitySize,
      double communityFraudRate, boolean ring) {}

  /**
   * A community some shown party belongs to.
   *
   * @param size parties in the whole community
   * @param shown of those, parties shown
   * @param fraudRate the shrunk fraud rate of all its parties' inspections
   */
  public record Community(int community, int size, int shown, double fraudRate) {}

  /** The API's view of a neighbourhood. */
  public static PartyNetwork of(Neighbourhood n) {
    java.util.Set<String> rings = new java.util.HashSet<>();
    for (RingIndicator r : n.rings()) {
      if (r.newImporters() >= RING_MIN_NEW_IMPORTERS) {
        rings.add(r.declarantId());
      }
    }
    List<Node> nodes = new ArrayList<>();
    Map<Integer, Community> communities = new LinkedHashMap<>();
    for (PartyNode p : n.nodes()) {
      nodes.add(new Node(p.role().key(), p.partyId(), p.degree(), p.inspected(), p.frauds(),
          p.inspected() == 0 ? 0 : p.frauds() / (double) p.inspected(), p.pagerankRisk(), p.neighbourHitRate(),
          p.community(), p.communitySize(), p.communityFraudRate(),
          p.role() == PartyRole.DECLARANT && rings.contains(p.partyId())));
      if (p.community() >= 0) {
        communities.merge(p.community(), new Community(p.community(), p.communitySize(), 1, p.communityFraudRate()),
            (a, b) -> new Community(a.community(), a.size(), a.shown() + 1, a.fraudRate()));
      }
    }
    List<Community> ranked = new ArrayList<>(communities.values());
    ranked.sort(java.util.Comparator.comparingDouble(Community::fraudRate).reversed()
        .thenComparingInt(Community::community));
    return new PartyNetwork(n.asOf(), n.baseRate(), nodes, n.links(), ranked, n.rings(), n.hidden());
  }
}
