package org.riskgate.profiles.groups;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What to search.
 *
 * @param from first day of the period, inclusive
 * @param to last day of the period, inclusive
 * @param dimensions the dimensions groups are cut by
 * @param maxCriteria 1 for single dimensions, 2 to add every pair of them
 * @param minSize smallest group worth reporting
 * @param falseDiscoveryRate the Benjamini-Hochberg level: of the groups reported, at most this
 *     share is expected to stand out by chance
 * @param limit how many groups to report, best first
 * @param examples example declaration ids per group
 */
public record GroupQuery(
    LocalDate from,
    LocalDate to,
    List<Dimension> dimensions,
    int maxCriteria,
    int minSize,
    double falseDiscoveryRate,
    int limit,
    int examples) {

  public GroupQuery {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    dimensions = List.copyOf(dimensions);
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
    }
    if (dimensions.isEmpty()) {
      throw new IllegalArgumentException("at least one dimension is needed");
    }
    if (maxCriteria < 1 || maxCriteria > 2) {
      throw new IllegalArgumentException("maxCriteria must be 1 or 2: " + maxCriteria);
    }
    if (minSize < 1 || limit < 1 || examples < 0) {
      throw new IllegalArgumentException("minSize and limit must be positive, examples not negative");
    }
    if (!(falseDiscoveryRate > 0 && falseDiscoveryRate < 1)) {
      throw new IllegalArgumentException("falseDiscoveryRate must be in (0, 1): " + falseDiscoveryRate);
    }
  }

  /** Every dimension, pairs included, groups of 30 or more, 5 % false discoveries, top 20. */
  public static GroupQuery of(LocalDate from, LocalDate to) {
    return new GroupQuery(from, to, List.of(Dimension.values()), 2, 30, 0.05, 20, 5);
  }
}
