/** Baseline trainers over Tribuo: logistic regression and random forest, for comparison. */
package org.riskgate.risk.tribuo;
