package org.riskgate.selectivity;

import java.util.Objects;

/**
 * How the decider gives lanes once scores, rules and evidence are known. A closed set: the
 * decider handles each with an exhaustive switch.
 */
public sealed interface LanePolicy permits LanePolicy.ByCapacity, LanePolicy.ByThresholds {

  /** The share of declarations picked at random for inspection, in %. */
  double randomPercent();

  /**
   * A day's declarations (per office when the capacity says so) share the capacity: rules'
   * lanes first, then the highest priorities fill red, random picks among the rest, then yellow.
   *
   * @param alert a declaration at or above this priority that the capacity kept out of red is
   *     told so in a {@code capacity} reason; {@link Double#POSITIVE_INFINITY} never tells
   */
  record ByCapacity(Capacity capacity, double alert) implements LanePolicy {
    /** The priority from which a declaration kept out of red by the capacity is told so by default. */
    public static final double DEFAULT_ALERT = 0.5;

    public ByCapacity {
      Objects.requireNonNull(capacity, "capacity");
      if (Double.isNaN(alert)) {
        throw new IllegalArgumentException("alert must be a number");
      }
    }

    /** The capacity, telling declarations from a priority of 0.5 (fraud more likely than not). */
    public ByCapacity(Capacity capacity) {
      this(capacity, DEFAULT_ALERT);
    }

    @Override
    public double randomPercent() {
      return capacity.randomPercent();
    }
  }

  /**
   * Each declaration on its own: red at or above {@code red}, yellow at or above {@code yellow};
   * below red, {@code randomPercent} % are picked at random for inspection.
   */
  record ByThresholds(double red, double yellow, double randomPercent) implements LanePolicy {
    public ByThresholds {
      if (Double.isNaN(red) || Double.isNaN(yellow)) {
        throw new IllegalArgumentException("thresholds must be numbers");
      }
      if (!(randomPercent >= 0 && randomPercent <= 100)) {
        throw new IllegalArgumentException("random share must be a percentage in [0, 100]: " + randomPercent);
      }
    }
  }
}
