package org.riskgate.profiles.network;

/**
 * How the trader network is built and scored.
 *
 * @param halfLifeDays a link made this many days ago weighs half as much as one made yesterday
 * @param restart the personalised PageRank's restart probability: higher keeps risk closer to
 *     the parties where fraud was found
 * @param iterations power iterations of the PageRank (the error shrinks by (1 − restart) each)
 * @param ringWindowDays an importer first seen within this many days is "new" for ring indicators
 * @param priorStrength pseudo-inspections of the beta prior for hit rates (as in profiles)
 * @param communities how to find communities: {@code LOUVAIN} (the default) maximises weighted
 *     modularity on the network's arrays; {@code LABEL_PROPAGATION} is a weighted label
 *     propagation on the same arrays (faster, but floods hub-dominated networks into one giant
 *     community); {@code JGRAPHT} runs JGraphT's unweighted label propagation on an object graph
 *     (about a minute on a million links; kept as a cross-check); {@code NONE} skips them
 * @param seed seeds label propagation so runs repeat exactly
 */
public record NetworkConfig(
    double halfLifeDays,
    double restart,
    int iterations,
    int ringWindowDays,
    double priorStrength,
    Communities communities,
    long seed) implements java.io.Serializable {

  /** Community detection methods. */
  public enum Communities { LOUVAIN, LABEL_PROPAGATION, JGRAPHT, NONE }

  public NetworkConfig {
    java.util.Objects.requireNonNull(communities, "communities");
    if (!(halfLifeDays > 0) || !(restart > 0 && restart < 1) || iterations < 1
        || ringWindowDays < 1 || !(priorStrength > 0)) {
      throw new IllegalArgumentException("invalid network configuration: " + halfLifeDays + ", "
          + restart + ", " + iterations + ", " + ringWindowDays + ", " + priorStrength);
    }
  }

  /** 180-day half-life, restart 0.15, 30 iterations, 90-day ring window, Louvain communities. */
  public static NetworkConfig defaults() {
    return new NetworkConfig(180, 0.15, 30, 90, 10, Communities.LOUVAIN, 42);
  }
}
