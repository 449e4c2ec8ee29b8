package org.riskgate.profiles.network;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

  private final List<Declaration> history;
  private final NetworkConfig config;
  private final Map<LocalDate, TraderNetwork> snapshots = new ConcurrentHashMap<>();

  private NetworkFeatures(List<Declaration> history, NetworkConfig config) {
    this.history = List.copyOf(history);
    this.config = config;
  }

  /** Features from monthly snapshots of a history. */
  public static NetworkFeatures monthly(List<Declaration> history, NetworkConfig config) {
    return new NetworkFeatures(history, config);
  }

  /** The snapshot a declaration dated {@code day} is scored against. */
  public TraderNetwork snapshotFor(LocalDate day) {
    return snapshots.computeIfAbsent(day.withDayOfMonth(1),
        asOf -> TraderNetwork.build(history, asOf, config));
  }

  /** A declaration's network features as of the first day of its month. */
  public Map<String, Double> features(Declaration d) {
    return snapshotFor(d.date()).features(d);
  }
}
