package org.riskgate.selectivity;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The one random source of lane decisions. A day's picks depend on the seed and the date alone,
 * never on the days decided before it, so a file scored in pieces (windows, a cluster's tasks)
 * gets the same lanes; a single declaration's draw depends on the seed, its date and its id, so
 * deciding it again gives the same lane.
 */
final class RandomPicks {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private final long seed;

  RandomPicks(long seed) {
    this.seed = seed;
  }

  /** The random sequence of one day's capacity. */
  SplittableRandom day(LocalDate date) {
    return new SplittableRandom(seed ^ (date.toEpochDay() * GOLDEN));
  }

  /** A uniform draw in [0, 1) for one declaration. */
  double draw(LocalDate date, String declarationId) {
    long h = seed ^ (date.toEpochDay() * GOLDEN);
    for (int i = 0; i < declarationId.length(); i++) {
      h = (h ^ declarationId.charAt(i)) * 0x100000001B3L;
    }
    return new SplittableRandom(h).nextDouble();
  }
}
