package org.riskgate.selectivity;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * What a decision was measured against: the declaration's priority, and either its rank among its
 * day's (or office's day's) declarations with that group's slots, or the calibrated thresholds.
 *
 * @param policy how lanes were given
 * @param priority what the lanes rank by: the score, or the expected tax recovered under the
 *     revenue objective
 * @param rank 1 for the highest priority among the group's declarations no rule forced, 0 when not
 *     ranked (forced by a rule, or decided by thresholds)
 * @param group how many declarations shared the capacity (0 under thresholds)
 * @param office the office whose capacity it was, empty when the capacity is per day
 * @param redSlots red slots filled by priority in the group, after rules and random picks took
 *     theirs (0 under thresholds)
 * @param yellowSlots yellow slots left for priority (0 under thresholds)
 * @param redFrom the lowest priority that went red by priority (the group's cut-off, or the
 *     threshold); infinite when none could
 * @param yellowFrom the same for yellow
 * @param evidenceAsOf the snapshot day of each check whose evidence came from a snapshot rather
 *     than live data (the server's trader network: {@code network}); empty when all was live
 */
public record DecisionContext(Policy policy, double priority, int rank, int group, String office, int redSlots,
    int yellowSlots, double redFrom, double yellowFrom, Map<String, LocalDate> evidenceAsOf) {

  /** The two ways the decider gives lanes. */
  public enum Policy {
    /** A day's declarations share the capacity, ranked by priority. */
    CAPACITY,
    /** One declaration at a time against thresholds calibrated on recent traffic. */
    THRESHOLDS
  }

  public DecisionContext {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(office, "office");
    // contexts stored before snapshots were kept read back without them
    evidenceAsOf = evidenceAsOf == null ? Map.of() : Map.copyOf(evidenceAsOf);
  }
}
