package org.riskgate.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.riskgate.selectivity.DecisionContext;
import org.riskgate.selectivity.Lane;
import org.riskgate.selectivity.Reason;

/**
 * A decision as kept in the store.
 *
 * @param rulesHit ids of the analysts' rules that matched
 * @param decidedBy the user or token owner that asked for the decision
 * @param context what the lane was measured against; empty for decisions stored before it was kept
 */
public record StoredDecision(
    String declarationId, double modelScore, double score, Lane lane, boolean randomPick,
    List<Reason> reasons, List<String> rulesHit, String bundleId, String decidedBy, Instant decidedAt,
    Optional<DecisionContext> context) {
  public StoredDecision {
    java.util.Objects.requireNonNull(context, "context");
    reasons = List.copyOf(reasons);
    rulesHit = List.copyOf(rulesHit);
  }
}
