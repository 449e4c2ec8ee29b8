package org.riskgate.profiles.groups;

import java.util.List;

/**
 * The outcome of a group search.
 *
 * @param query what was searched
 * @param declarations declarations in the period
 * @param measuredByFraud true when rates are fraud rates among labelled declarations, false when
 *     they are mean risk scores (the period had no labels)
 * @param overallRate the period's rate
 * @param tested groups large enough to test
 * @param groups those that stand out, best first (by the lower end of their interval)
 */
public record GroupReport(
    GroupQuery query,
    long declarations,
    boolean measuredByFraud,
    double overallRate,
    int tested,
    List<RiskGroup> groups) {

  public GroupReport {
    groups = List.copyOf(groups);
  }
}
