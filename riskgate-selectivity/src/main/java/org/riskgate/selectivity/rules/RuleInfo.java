package org.riskgate.selectivity.rules;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.riskgate.selectivity.Lane;

/**
 * What a parsed rule says, for listing and auditing.
 *
 * @param id the rule's name, unique in its file
 * @param owner who is answerable for it; empty when the rule names none
 * @param validFrom first day it applies, inclusive
 * @param validTo last day it applies, inclusive
 * @param condition the {@code when} part as written
 * @param lane the lane it forces, if any
 * @param scoreDelta what it adds to the score (0 when it adds nothing)
 * @param reason the reason it gives
 * @param line where the rule starts in its file
 */
public record RuleInfo(
    String id,
    String owner,
    Optional<LocalDate> validFrom,
    Optional<LocalDate> validTo,
    String condition,
    Optional<Lane> lane,
    double scoreDelta,
    String reason,
    int line) {

  public RuleInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validTo, "validTo");
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(lane, "lane");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * The reason of a rule that gives none of its own: its id and condition, a code of the
   * decider's reasons.
   */
  static org.riskgate.selectivity.ReasonMessage unwritten(String id, String condition) {
    return org.riskgate.selectivity.ReasonMessage.of("rule.matched", id, condition);
  }

  /**
   * The reason as a code for other languages when it is the one the compiler gave (the rule
   * wrote none); a reason its author wrote reads as written ({@code NONE}).
   */
  public org.riskgate.selectivity.ReasonMessage message() {
    org.riskgate.selectivity.ReasonMessage m = unwritten(id, condition);
    return reason.equals(m.english()) ? m : org.riskgate.selectivity.ReasonMessage.NONE;
  }

  /** Whether the rule applies on a day. */
  public boolean validOn(LocalDate day) {
    return validFrom.map(f -> !day.isBefore(f)).orElse(true)
        && validTo.map(t -> !day.isAfter(t)).orElse(true);
  }
}
