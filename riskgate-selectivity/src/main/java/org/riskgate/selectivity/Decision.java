package org.riskgate.selectivity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The lane a declaration was sent to and why: what is stored, audited and shown to analysts.
 *
 * @param modelScore the model's risk score in [0, 1]
 * @param score the score after analysts' rules, used for ranking
 * @param randomPick whether the declaration was picked at random for exploration rather than by
 *     its score
 * @param reasons why, strongest first
 * @param rulesHit the analysts' rules that matched
 * @param ruleErrors rules that failed on this declaration and were skipped
 * @param modelBundleId the bundle that produced the score
 * @param context what the lane was measured against (rank and slots of its day, or thresholds)
 */
public record Decision(
    String declarationId,
    double modelScore,
    double score,
    Lane lane,
    boolean randomPick,
    List<Reason> reasons,
    List<RuleHit> rulesHit,
    List<RuleError> ruleErrors,
    String modelBundleId,
    Instant decidedAt,
    DecisionContext context) {

  public Decision {
    Objects.requireNonNull(declarationId, "declarationId");
    Objects.requireNonNull(lane, "lane");
    Objects.requireNonNull(modelBundleId, "modelBundleId");
    Objects.requireNonNull(decidedAt, "decidedAt");
    Objects.requireNonNull(context, "context");
    reasons = List.copyOf(reasons);
    rulesHit = List.copyOf(rulesHit);
    ruleErrors = List.copyOf(ruleErrors);
  }

  /**
   * The reasons as one line of text, each after its source ({@code capacity: capacity full ...;
   * hs: declared 999999 is not an HS 2022 code}), the decisive reason first.
   */
  public String reasonsText() {
    StringBuilder b = new StringBuilder();
    for (Reason r : reasons) {
      if (!b.isEmpty()) {
        b.append("; ");
      }
      b.append(r.source()).append(": ").append(r.text());
    }
    return b.toString();
  }
}
