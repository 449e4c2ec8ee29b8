package org.riskgate.core;

/**
 * How a ranking does when the top {@code percent} % of declarations are inspected.
 *
 * @param selected how many declarations that is
 * @param precision share of fraud among the selected
 * @param recall share of all fraud that was selected
 * @param revenue share of all tax at stake on fraudulent declarations that was selected
 */
public record AtPercent(double percent, int selected, double precision, double recall, double revenue) {}
