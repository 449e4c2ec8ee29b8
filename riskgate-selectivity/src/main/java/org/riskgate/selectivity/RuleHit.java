package org.riskgate.selectivity;

import java.util.Objects;
import java.util.Optional;

/**
 * An analysts' rule that matched a declaration, and what it asks for.
 *
 * @param ruleId the rule's id
 * @param reason the reason the rule gives, shown on the decision
 * @param forcedLane a lane the rule forces, outside the capacity
 * @param scoreDelta what the rule adds to the risk score (probability points, may be negative)
 */
public record RuleHit(String ruleId, String reason, Optional<Lane> forcedLane, double scoreDelta) {
  public RuleHit {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(forcedLane, "forcedLane");
  }
}
