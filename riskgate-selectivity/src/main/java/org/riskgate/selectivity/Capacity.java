package org.riskgate.selectivity;

import java.util.Locale;

/**
 * How many declarations the inspection services can take, as shares of a day's declarations.
 *
 * @param redPercent share sent to physical inspection, random picks included
 * @param yellowPercent share sent to documentary check
 * @param randomPercent share of all declarations picked for inspection at random, out of the red
 *     share: exploration, so the model keeps learning about declarations it would never pick
 * @param perOffice whether the shares apply per office and day rather than per day
 */
public record Capacity(double redPercent, double yellowPercent, double randomPercent, boolean perOffice) {

  /** Red 3 %, yellow 7 %, no random picks, per day. */
  public static final Capacity DEFAULT = new Capacity(3, 7, 0, false);

  public Capacity {
    check("red", redPercent);
    check("yellow", yellowPercent);
    check("random", randomPercent);
    if (redPercent + yellowPercent > 100) {
      throw Refusals.refused("capacity.sum");
    }
    if (randomPercent > redPercent) {
      throw Refusals.refused("capacity.random", String.valueOf(randomPercent), String.valueOf(redPercent));
    }
  }

  private static void check(String name, double p) {
    if (!(p >= 0 && p <= 100)) {
      throw Refusals.refused("capacity.range", Refusals.words("capacity.lane." + name), String.valueOf(p));
    }
  }

  /**
   * Parses {@code red=3,yellow=7}; lanes not named keep their default.
   *
   * @throws IllegalArgumentException naming the part that cannot be read
   */
  public static Capacity parse(String spec, double randomPercent, boolean perOffice) {
    double red = DEFAULT.redPercent;
    double yellow = DEFAULT.yellowPercent;
    for (String part : spec.split(",")) {
      String[] kv = part.split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException("capacity '" + part + "' is not lane=percent, e.g. red=3,yellow=7");
      }
      double value;
      try {
        value = Double.parseDouble(kv[1].trim().replace("%", ""));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("capacity '" + part + "': '" + kv[1] + "' is not a number");
      }
      switch (kv[0].trim().toLowerCase(Locale.ROOT)) {
        case "red" -> red = value;
        case "yellow" -> yellow = value;
        default -> throw new IllegalArgumentException(
            "capacity '" + part + "': unknown lane '" + kv[0] + "' (red or yellow)");
      }
    }
    return new Capacity(red, yellow, randomPercent, perOffice);
  }

  /**
   * Slots out of {@code n} declarations for a share, rounded to the nearest whole declaration
   * (halves up). A small day (or office-day) can therefore have no slot at all: red 3 % makes a
   * slot from 17 declarations on, so a day of 16 or fewer is selected by rules and random picks
   * alone, and a declaration worth red is told "no red slot". Rounding up instead would spend a
   * single declaration's day entirely on red (100 % against 3 %), and small offices' days would
   * together take far more than the capacity; to share capacity over small days, decide them
   * together (per day rather than per office), or one at a time against thresholds, as the server does.
   */
  static int slots(int n, double percent) {
    return (int) Math.floor(n * percent / 100.0 + 0.5);
  }
}
