package org.riskgate.profiles.groups;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A group that stands out in a period.
 *
 * @param criteria what defines it (one or two criteria)
 * @param size declarations in the group (labelled ones when measured by fraud rate)
 * @param rate its fraud rate, or mean risk score
 * @param overallRate the same figure over the whole period
 * @param lift rate / overallRate
 * @param low lower end of the 95 % confidence interval of the rate (Wilson for rates)
 * @param high upper end of that interval
 * @param pValue one-sided chance of a rate this high if the group were like the rest
 * @param qValue the p-value adjusted for the number of groups tested (Benjamini-Hochberg)
 * @param examples some declaration ids in the group, frauds (or highest scores) first
 */
public record RiskGroup(
    List<Criterion> criteria,
    long size,
    double rate,
    double overallRate,
    double lift,
    double low,
    double high,
    double pValue,
    double qValue,
    List<String> examples) {

  public RiskGroup {
    criteria = List.copyOf(criteria);
    examples = List.copyOf(examples);
  }

  /** The criteria as {@code hs4=0808, origin=US}. */
  public String label() {
    return criteria.stream().map(Criterion::toString).collect(Collectors.joining(", "));
  }

  /** The rules-language condition selecting this group. */
  public String condition() {
    return criteria.stream().map(c -> c.dimension().condition(c.value()))
        .collect(Collectors.joining(" and "));
  }

  /**
   * This group as a rule of the selectivity rules language (see docs/rules.md), adding {@code
   * scoreDelta} to the score of every declaration in the group while the rule is valid.
   */
  public String toRule(String owner, LocalDate validFrom, LocalDate validTo, double scoreDelta) {
    String name = "group-" + criteria.stream()
        .map(c -> c.dimension().key() + "-" + c.value())
        .collect(Collectors.joining("-"))
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "_");
    String reason = String.format(Locale.ROOT,
        "High-risk group %s: rate %.1f %% vs %.1f %% (lift %.2f, 95 %% CI %.1f-%.1f %%, n = %d)",
        label(), 100 * rate, 100 * overallRate, lift, 100 * low, 100 * high, size);
    return "rule \"" + name + "\" owner \"" + escape(owner) + "\" valid " + validFrom + " to "
        + validTo + "\n  when " + condition() + "\n  then add "
        + String.format(Locale.ROOT, "%.3f", scoreDelta) + ", reason \"" + escape(reason) + "\"\n";
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
