/**
 * Evidence about a declaration from the checks beside the risk model: the interface every
 * capability module implements for its own check (HS codes, documents, party profiles, the trader
 * network, watchlists) and the decision reads, so that no capability needs to know the decider
 * and the decider needs to know no capability.
 */
package org.riskgate.core.evidence;
