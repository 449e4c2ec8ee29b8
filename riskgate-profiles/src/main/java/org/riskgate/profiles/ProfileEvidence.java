package org.riskgate.profiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.riskgate.core.Declaration;
import org.riskgate.core.evidence.Evidence;
import org.riskgate.core.evidence.EvidenceKind;
import org.riskgate.core.evidence.EvidenceSource;
import org.riskgate.core.evidence.Finding;

/**
 * The parties' profiles as evidence: every figure of {@link ProfileStore#features} ({@code
 * importer.hit_rate} ...), and a finding for each named party whose inspections found fraud at
 * least {@link #HIT_RATE_REASON} of the time over at least {@link #MIN_INSPECTED} inspections.
 */
public final class ProfileEvidence implements EvidenceSource {
  /**
   * The shrunk hit rate from which a party's record is worth telling: on the public 2020 data, with
   * the default prior of 10 inspections at the base rate of 22 %, it takes a clearly bad record.
   */
  public static final double HIT_RATE_REASON = 0.3;
  /** Fewer inspections than this say too little to tell. */
  public static final int MIN_INSPECTED = 3;

  /** The bundle of the profiles' and the network's findings, in English and Korean. */
  public static final String FINDINGS = "org.riskgate.profiles.findings";

  private final Function<Declaration, Map<String, Double>> profiles;

  /** @param profiles a declaration's party figures as of its date: {@link ProfileStore#features} or {@link LiveProfiles#features} */
  public ProfileEvidence(Function<Declaration, Map<String, Double>> profiles) {
    this.profiles = profiles;
  }

  @Override
  public Evidence about(Declaration d) {
    Map<String, Double> f = profiles.apply(d);
    List<Finding> findings = new ArrayList<>(0);
    for (PartyRole r : PartyRole.values()) {
      String id = r.partyOf(d);
      double inspected = f.getOrDefault(r.key() + ".inspected", 0.0);
      double rate = f.getOrDefault(r.key() + ".hit_rate", 0.0);
      if (!id.isEmpty() && inspected >= MIN_INSPECTED && rate >= HIT_RATE_REASON) {
        findings.add(Finding.of(EvidenceKind.PROFILE, FINDINGS, "profile.record." + r.key(), id,
            whole(100 * rate), whole(inspected), whole(100 * f.getOrDefault(r.key() + ".raw_hit_rate", rate))));
      }
    }
    return new Evidence(f, findings);
  }

  /** A figure written as a whole number, as the findings' texts always wrote them. */
  public static String whole(double x) {
    return String.format(Locale.ROOT, "%.0f", x);
  }
}
