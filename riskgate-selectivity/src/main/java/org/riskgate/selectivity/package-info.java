/**
 * The decision: analysts' rules, the model score and the inspection capacity combined into a lane
 * (red, yellow, green) with its reasons.
 */
package org.riskgate.selectivity;
