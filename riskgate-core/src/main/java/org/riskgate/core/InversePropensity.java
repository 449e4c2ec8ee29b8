package org.riskgate.core;

/**
 * Inverse-propensity estimates of how a selection policy would have done on a whole population,
 * from the outcomes of the declarations another policy chose to inspect.
 *
 * <p>Labels exist only for inspected declarations, and those were chosen mostly by the model
 * itself, so the frauds found among them say little about the ones it passed over. A declaration
 * inspected with probability {@code p} stands for {@code 1 / p} declarations like it: the random
 * picks (small {@code p}) carry the weight of everything the model would not have chosen, which is
 * what makes the estimate unbiased (Horvitz–Thompson). The price is variance, hence the interval:
 * one fraud found by a random pick drawn with a chance of 1 in 100 adds 100 frauds to the estimate,
 * which can pass 1 per pick on a small sample. The self-normalised estimate divides by the weights
 * actually seen instead of by the policy's picks: it stays within [0, 1] and varies less, but it
 * leaves out every selected declaration nobody inspected, so when the policy shares few inspected
 * declarations with the logging one it says little about the rest.
 */
public final class InversePropensity {
  /** Two-sided 95 % normal quantile. */
  private static final double Z95 = 1.959963984540054;

  private InversePropensity() {}

  /**
   * An estimate with its 95 % confidence interval (normal approximation over the population's
   * terms).
   *
   * @param population declarations the estimate is over
   * @param selected how many of them the evaluated policy selects
   * @param value estimated frauds (or revenue) the policy's selection holds, per selected
   *     declaration: its precision (or revenue per pick); unbiased (Horvitz–Thompson)
   * @param selfNormalised the same divided by the inverse propensities of the selected declarations
   *     that were inspected rather than by the number selected (0 when none of them was inspected)
   * @param selfNormalisedError its standard error (delta method)
   */
  public record Estimate(long population, long selected, double value, double standardError, double low,
      double high, double selfNormalised, double selfNormalisedError) {

    /** The self-normalised estimate's 95 % interval, low end. */
    public double selfNormalisedLow() {
      return selfNormalised - Z95 * selfNormalisedError;
    }

    /** The self-normalised estimate's 95 % interval, high end. */
    public double selfNormalisedHigh() {
      return selfNormalised + Z95 * selfNormalisedError;
    }

    /** Whether the (unbiased) interval is wholly above {@code other}'s. */
    public boolean clearlyAbove(Estimate other) {
      return low > other.high;
    }
  }

  /**
   * Estimates what {@code policy} would find per selected declaration.
   *
   * @param policy whether the evaluated policy selects each declaration of the population
   * @param inspected whether each declaration was actually inspected (its outcome is known)
   * @param propensity the probability, under the logging policy, that each declaration was
   *     inspected; read only for inspected ones, where it must be in (0, 1]
   * @param outcome the inspected declaration's outcome: 1 / 0 for fraud, or the revenue found;
   *     read only for inspected ones
   * @throws IllegalArgumentException when the arrays differ in length, a propensity is outside
   *     (0, 1] or the policy selects nothing
   */
  public static Estimate estimate(boolean[] policy, boolean[] inspected, double[] propensity, double[] outcome) {
    int n = policy.length;
    if (inspected.length != n || propensity.length != n || outcome.length != n) {
      throw new IllegalArgumentException("policy, inspected, propensity and outcome must have the same length");
    }
    long selected = 0;
    double[] terms = new double[n];
    double[] weights = new double[n];
    for (int i = 0; i < n; i++) {
      selected += policy[i] ? 1 : 0;
      if (inspected[i]) {
        if (!(propensity[i] > 0 && propensity[i] <= 1)) {
          throw new IllegalArgumentException("declaration " + i + " was inspected with propensity " + propensity[i]
              + "; it must be in (0, 1]");
        }
        terms[i] = policy[i] ? outcome[i] / propensity[i] : 0;
        weights[i] = policy[i] ? 1 / propensity[i] : 0;
      }
    }
    if (selected == 0) {
      throw new IllegalArgumentException("the policy selects none of the " + n + " declarations");
    }
    // total = sum of terms estimates the policy's total; divide by its picks for a per-pick value
    double sum = 0;
    for (double t : terms) {
      sum += t;
    }
    double mean = sum / n;
    double ss = 0;
    for (double t : terms) {
      ss += (t - mean) * (t - mean);
    }
    double seTotal = n > 1 ? Math.sqrt(ss / (n - 1)) * Math.sqrt(n) : 0;
    double value = sum / selected;
    double se = seTotal / selected;
    double weight = 0;
    for (double w : weights) {
      weight += w;
    }
    double ratio = weight == 0 ? 0 : sum / weight;
    // delta method: the ratio's error is that of the sum of (term - ratio * weight), over the weight
    double[] d = new double[n];
    double dMean = 0;
    for (int i = 0; i < n; i++) {
      d[i] = terms[i] - ratio * weights[i];
      dMean += d[i] / n;
    }
    double dSs = 0;
    for (double x : d) {
      dSs += (x - dMean) * (x - dMean);
    }
    double ratioSe = weight == 0 || n < 2 ? 0 : Math.sqrt(dSs / (n - 1)) * Math.sqrt(n) / weight;
    return new Estimate(n, selected, value, se, value - Z95 * se, value + Z95 * se, ratio, ratioSe);
  }
}
