package org.riskgate.selectivity.simulate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Chooses an exploration share each week: discounted Thompson sampling over a few shares, each with
 * a Beta belief about its reward.
 *
 * <p>The reward of the share chosen in week t is what that choice changed, as far as the revealed
 * outcomes show it: the precision of week t's picks (exploring spends picks the scores would have
 * made) averaged with the precision of week t + 1's picks by score (the model retrained on week t's
 * outcomes). Both are read from inspected declarations only; the normalised figures need every
 * outcome of the week and stay in the report. Beliefs are discounted each week, as in the published
 * bandits over exploration rates for customs selection, because under drift what paid off months
 * ago says little about now.
 */
final class ShareBandit {
  /** Weight kept by old evidence each week. */
  static final double DISCOUNT = 0.9;

  private final List<Double> shares;
  private final double[] wins;
  private final double[] losses;
  private final SplittableRandom random;

  ShareBandit(List<Double> shares, long seed) {
    this.shares = List.copyOf(shares);
    this.wins = new double[shares.size()];
    this.losses = new double[shares.size()];
    this.random = new SplittableRandom(seed);
  }

  /** The arm to play this week: the one whose sampled reward is highest. */
  int choose() {
    int best = 0;
    double top = -1;
    for (int a = 0; a < shares.size(); a++) {
      double draw = beta(1 + wins[a], 1 + losses[a]);
      if (draw > top) {
        top = draw;
        best = a;
      }
    }
    return best;
  }

  double share(int arm) {
    return shares.get(arm);
  }

  /** Learns a reward in [0, 1] for {@code arm}, after discounting everything learnt before. */
  void learn(int arm, double reward) {
    if (!(reward >= 0 && reward <= 1)) {
      throw new IllegalArgumentException("reward must be in [0, 1], was " + reward);
    }
    for (int a = 0; a < shares.size(); a++) {
      wins[a] *= DISCOUNT;
      losses[a] *= DISCOUNT;
    }
    wins[arm] += reward;
    losses[arm] += 1 - reward;
  }

  /** A Beta(a, b) draw as the ratio of two Gamma draws. */
  private double beta(double a, double b) {
    double x = gamma(a);
    double y = gamma(b);
    return x / (x + y);
  }

  /** Marsaglia–Tsang Gamma(shape, 1), for the shapes of at least 1 that the beliefs have. */
  private double gamma(double shape) {
    double d = shape - 1 / 3.0;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double z;
      double v;
      do {
        z = normal();
        v = 1 + c * z;
      } while (v <= 0);
      v = v * v * v;
      double u = random.nextDouble();
      if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  private double normal() {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
