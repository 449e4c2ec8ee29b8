/**
 * Scoring and deciding: the active model bundle, the analysts' rules and the lane capacity turned
 * into decisions, for a batch (exact daily capacity) or for one declaration at a time
 * (thresholds calibrated to the capacity on recent traffic).
 */
package org.riskgate.server.decide;
