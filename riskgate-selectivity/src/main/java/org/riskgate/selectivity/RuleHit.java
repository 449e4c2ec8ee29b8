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
 * @param message the reason as a code, for other languages; {@link ReasonMessage#NONE} for a
 *     reason the rule's author wrote, which reads as written
 */
public record RuleHit(String ruleId, String reason, Optional<Lane> forcedLane, double scoreDelta,
    ReasonMessage message) {
  public RuleHit {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(forcedLane, "forcedLane");
    message = message == null ? ReasonMessage.NONE : message;
  }

  /** A hit whose reason its rule's author wrote. */
  public RuleHit(String ruleId, String reason, Optional<Lane> forcedLane, double scoreDelta) {
    this(ruleId, reason, forcedLane, scoreDelta, ReasonMessage.NONE);
  }
}
