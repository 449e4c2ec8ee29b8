package org.riskgate.profiles.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.riskgate.core.Declaration;
import org.riskgate.core.evidence.Evidence;
import org.riskgate.core.evidence.EvidenceKind;
import org.riskgate.core.evidence.EvidenceSource;
import org.riskgate.core.evidence.Finding;
import org.riskgate.profiles.ProfileEvidence;

/**
 * The trader network as evidence: the figures of {@link NetworkFeatures#NAMES} as of the first day
 * of the declaration's month, and findings for a declarant who brings in many new importers that
 * turn out fraudulent (a ring) and for an importer in a community whose fraud rate is high.
 * Over one snapshot instead (the server's, rebuilt in the background), every declaration gets that
 * snapshot's figures, and the evidence names its day.
 */
public final class NetworkEvidence implements EvidenceSource {
  /** The rate from which a ring or a community is worth telling. */
  public static final double RATE_REASON = 0.5;
  /** A declarant with fewer new importers than this is no ring. */
  public static final int MIN_NEW_IMPORTERS = 3;

  private final Function<Declaration, Map<String, Double>> network;
  private final Map<String, LocalDate> asOf;

  /** Point-in-time: each declaration against the snapshot of its month. */
  public NetworkEvidence(NetworkFeatures network) {
    this.network = network::features;
    this.asOf = Map.of();
  }

  /** Every declaration against one snapshot, whose day the evidence names. */
  public NetworkEvidence(TraderNetwork snapshot) {
    this.network = snapshot::features;
    this.asOf = Map.of(EvidenceKind.NETWORK.label(), snapshot.asOf());
  }

  @Override
  public Evidence about(Declaration d) {
    Map<String, Double> f = network.apply(d);
    List<Finding> findings = new ArrayList<>(0);
    double newImporters = f.getOrDefault("net.declarant_new_importers", 0.0);
    double ringRate = f.getOrDefault("net.declarant_new_importer_hit_rate", 0.0);
    if (newImporters >= MIN_NEW_IMPORTERS && ringRate >= RATE_REASON) {
      findings.add(Finding.of(EvidenceKind.NETWORK, ProfileEvidence.FINDINGS, "network.ring", d.declarantId(),
          ProfileEvidence.whole(newImporters), ProfileEvidence.whole(100 * ringRate)));
    }
    double community = f.getOrDefault("net.importer_community_fraud_rate", 0.0);
    if (community >= RATE_REASON && f.getOrDefault("net.importer_community_size", 0.0) > 0) {
      findings.add(Finding.of(EvidenceKind.NETWORK, ProfileEvidence.FINDINGS, "network.community", d.importerId(),
          ProfileEvidence.whole(100 * community)));
    }
    return new Evidence(f, findings, asOf);
  }
}
