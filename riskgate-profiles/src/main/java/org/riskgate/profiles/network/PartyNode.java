package org.riskgate.profiles.network;

import org.riskgate.profiles.PartyRole;

/**
 * One party's place in the network as of the network's date.
 *
 * @param degree distinct parties it is linked to
 * @param inspected inspections on its declarations
 * @param frauds frauds found on them
 * @param pagerankRisk personalised PageRank from fraud, divided by what its links alone would
 *     give it: 1 is ordinary, 10 means ten times closer to fraud than its size explains
 * @param neighbourHitRate link-weighted mean of its neighbours' shrunk hit rates, itself excluded
 * @param community its community's number, -1 when communities were not computed
 * @param communitySize parties in that community
 * @param communityFraudRate shrunk fraud rate of all inspections of the community's parties
 */
public record PartyNode(
    PartyRole role,
    String partyId,
    int degree,
    long inspected,
    long frauds,
    double pagerankRisk,
    double neighbourHitRate,
    int community,
    int communitySize,
    double communityFraudRate) {}
