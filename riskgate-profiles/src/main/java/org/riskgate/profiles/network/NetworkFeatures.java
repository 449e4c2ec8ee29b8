package org.riskgate.profiles.network;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.riskgate.core.Declaration;

/**
 * Network features for the risk model, point-in-time: a declaration gets the features of the
 * network as of the first day of its month, built from declarations dated strictly before that
 * day. Monthly snapshots keep the cost to one network build a month of history while never
 * letting a declaration see its own month (so up to a month of staleness, never any leak).
 *
 * <p>Thread-safe; snapshots are built on first use and kept.
 */
public final class NetworkFeatures {
  /** The feature names, in the order {@link #features} gives them. */
  public static final List<String> NAMES = List.of(
      "net.importer_pagerank_risk", "net.declarant_pagerank_risk", "net.seller_pagerank_risk",
      "net.courier_pagerank_risk", "net.importer_neighbour_hit_rate",
      "net.declarant_neighbour_hit_rate", "net.importer_community_fraud_rate",
      "net.declarant_community_fraud_rate", "net.importer_community_size", "net.importer_degree",
      "net.declarant_new_importers", "net.declarant_new_importer_hit_rate");

  private final Function<LocalDate, TraderNetwork> build;
  private final Map<LocalDate, TraderNetwork> snapshots = new ConcurrentHashMap<>();

  private NetworkFeatures(Function<LocalDate, TraderNetwork> build) {
    this.build = build;
  }

  /** Features from monthly snapshots of a history. */
  public static NetworkFeatures monthly(List<Declaration> history, NetworkConfig config) {
    List<Declaration> h = List.copyOf(history);
    return new NetworkFeatures(asOf -> TraderNetwork.build(h, asOf, config));
  }

  /**
   * Features from monthly snapshots built elsewhere (Spark builds them from sums over the cluster),
   * keyed by each month's first day; a declaration of a month without one is an error.
   */
  public static NetworkFeatures of(Map<LocalDate, TraderNetwork> monthly) {
    Map<LocalDate, TraderNetwork> given = Map.copyOf(monthly);
    return new NetworkFeatures(asOf -> {
      TraderNetwork n = given.get(asOf);
      if (n == null) {
        throw new IllegalStateException("no network snapshot as of " + asOf);
      }
      return n;
    });
  }

  /** The snapshot a declaration dated {@code day} is scored against. */
  public TraderNetwork snapshotFor(LocalDate day) {
    return snapshots.computeIfAbsent(day.withDayOfMonth(1), build);
  }

  /** A declaration's network features as of the first day of its month. */
  public Map<String, Double> features(Declaration d) {
    return snapshotFor(d.date()).features(d);
  }
}
