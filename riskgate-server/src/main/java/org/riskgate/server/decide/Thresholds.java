package org.riskgate.server.decide;

import java.util.Arrays;
import org.riskgate.selectivity.Capacity;

/**
 * Score thresholds that send, on recent traffic, the capacity's shares to red and yellow: what a
 * declaration scored on its own is compared with, since it has no day of peers to be ranked in.
 *
 * @param red scores at or above go red
 * @param yellow scores at or above (and below red) go yellow
 * @param basis how many recent scores the thresholds come from
 */
public record Thresholds(double red, double yellow, int basis) {

  /** Thresholds from recent model scores; with none, only rules and random picks select. */
  public static Thresholds calibrate(double[] recentScores, Capacity capacity) {
    if (recentScores.length == 0) {
      return new Thresholds(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0);
    }
    double[] s = recentScores.clone();
    Arrays.sort(s);
    double byScore = Math.max(0, capacity.redPercent() - capacity.randomPercent());
    return new Thresholds(quantileFromTop(s, byScore), quantileFromTop(s, byScore + capacity.yellowPercent()),
        s.length);
  }

  /** The smallest score among the top {@code percent} % (infinite when that is no declaration). */
  private static double quantileFromTop(double[] ascending, double percent) {
    int k = (int) Math.floor(ascending.length * percent / 100.0 + 0.5);
    if (k <= 0) {
      return Double.POSITIVE_INFINITY;
    }
    return ascending[ascending.length - Math.min(k, ascending.length)];
  }
}
