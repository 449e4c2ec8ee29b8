/**
 * The evaluation report: a self-contained HTML page comparing trainers on a later period, with
 * plots an analyst reads at a glance. It lives here, above the risk module, because it shows how
 * scores turn into lanes.
 */
package org.riskgate.selectivity.report;
