package org.riskgate.profiles.network;

import java.time.LocalDate;
import java.util.List;

/**
 * The parties around one party, for drawing: the party itself first, then its neighbours and
 * theirs, strongest links first, with every link among them.
 *
 * @param asOf the network's date
 * @param baseRate the fraud rate of all inspections before that date
 * @param nodes the parties shown; {@code nodes.get(0)} is the centre
 * @param links links among the parties shown, by their positions in {@code nodes}
 * @param rings the ring indicators of the declarants shown that serve any new importer, most
 *     suspicious first
 * @param hidden parties reached from those shown, within the hops walked, that the limit left
 *     out (those only reachable through a left-out party are not counted)
 */
public record Neighbourhood(
    LocalDate asOf,
    double baseRate,
    List<PartyNode> nodes,
    List<Link> links,
    List<RingIndicator> rings,
    int hidden) {

  public Neighbourhood {
    nodes = List.copyOf(nodes);
    links = List.copyOf(links);
    rings = List.copyOf(rings);
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("a neighbourhood has at least its centre");
    }
  }

  /** The party the neighbourhood is drawn around. */
  public PartyNode centre() {
    return nodes.get(0);
  }

  /**
   * A link between two parties shown.
   *
   * @param source position of one party in {@link #nodes()}
   * @param target position of the other
   * @param weight the link's time-decayed number of declarations
   */
  public record Link(int source, int target, double weight) {}
}
