/** The logistic-regression baseline over Tribuo. */
package org.riskgate.risk.tribuo;
