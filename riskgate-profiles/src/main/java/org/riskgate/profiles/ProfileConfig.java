package org.riskgate.profiles;

/**
 * How profiles weigh evidence.
 *
 * @param priorStrength pseudo-inspections of the beta prior centred on the base rate: a party with
 *     few inspections stays near the base rate until its own record outweighs this many
 * @param halfLifeDays half-life of the time decay behind the risk score: a fraud this many days
 *     old counts half as much as one found yesterday
 * @param recentDays the window for trends: the last {@code recentDays} days against the
 *     {@code recentDays} before them
 * @param topN how many HS codes and origins a profile lists
 */
public record ProfileConfig(double priorStrength, double halfLifeDays, int recentDays, int topN) {
  public ProfileConfig {
    if (!(priorStrength > 0)) {
      throw new IllegalArgumentException("priorStrength must be positive: " + priorStrength);
    }
    if (!(halfLifeDays > 0)) {
      throw new IllegalArgumentException("halfLifeDays must be positive: " + halfLifeDays);
    }
    if (recentDays < 1 || topN < 1) {
      throw new IllegalArgumentException("recentDays and topN must be at least 1");
    }
  }

  /** 10 pseudo-inspections, a 180-day half-life, 90-day trend windows, top 5. */
  public static ProfileConfig defaults() {
    return new ProfileConfig(10, 180, 90, 5);
  }
}
