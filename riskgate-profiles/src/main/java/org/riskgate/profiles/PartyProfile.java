package org.riskgate.profiles;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A party's record as of a date, from its declarations dated strictly before that date.
 *
 * @param declarations declarations the party appears on in this role
 * @param totalValue sum of item prices
 * @param totalTax sum of tax at stake
 * @param inspected declarations with a known inspection outcome
 * @param frauds inspections that found fraud
 * @param rawHitRate frauds / inspected; empty when never inspected
 * @param hitRate hit rate shrunk towards the base rate with a beta prior (posterior mean), so a
 *     party with 1 fraud in 1 inspection is not taken for a certain fraudster
 * @param baseRate the fraud rate of all inspections before the date: the prior's centre
 * @param recentDeclarations declarations in the last trend window
 * @param previousDeclarations declarations in the window before it
 * @param volumeTrend (recent − previous) / max(1, previous)
 * @param hitRateTrend shrunk hit rate in the recent window minus the shrunk hit rate before it
 * @param riskScore the shrunk hit rate with time-decayed counts: recent behaviour weighs more
 * @param topHs most frequent HS6 codes
 * @param topOrigins most frequent countries of origin
 */
public record PartyProfile(
    PartyRole role,
    String partyId,
    LocalDate asOf,
    long declarations,
    double totalValue,
    double totalTax,
    LocalDate firstSeen,
    LocalDate lastSeen,
    long inspected,
    long frauds,
    OptionalDouble rawHitRate,
    double hitRate,
    double baseRate,
    long recentDeclarations,
    long previousDeclarations,
    double volumeTrend,
    double hitRateTrend,
    double riskScore,
    int distinctHs,
    int distinctOrigins,
    List<Share> topHs,
    List<Share> topOrigins) {

  public PartyProfile {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(partyId, "partyId");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
    Objects.requireNonNull(rawHitRate, "rawHitRate");
    topHs = List.copyOf(topHs);
    topOrigins = List.copyOf(topOrigins);
  }
}
